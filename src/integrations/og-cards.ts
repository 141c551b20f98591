/**
 * The build ends only when every preview card the pages asked for is drawn (see
 * src/lib/publish/card-raster.ts): the site is published as a whole, never with missing images.
 */
import type { AstroIntegration } from 'astro';
import { finishCards } from '../lib/publish/card-raster.ts';

export function ogCards(): AstroIntegration {
  return {
    name: 'og-cards',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const waitStart = performance.now();
        const { cards, ms } = await finishCards();
        // What the cards added to the build is the wait here; the rest overlapped the pages.
        logger.info(`${cards} preview cards drawn in ${(ms / 1000).toFixed(1)} s, of which ${((performance.now() - waitStart) / 1000).toFixed(1)} s after the pages`);
      },
    },
  };
}
