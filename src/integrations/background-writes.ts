/**
 * The build ends only when every file the pages started in the background is written: the
 * preview cards (src/lib/publish/pending-writes.ts). The site is published whole, never with a
 * missing image.
 */
import type { AstroIntegration } from 'astro';
import { cardsDrawn } from '../lib/publish/card-raster.ts';
import { settle } from '../lib/publish/pending-writes.ts';

export function backgroundWrites(): AstroIntegration {
  return {
    name: 'background-writes',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const start = performance.now();
        await settle();
        // What the background work added to the build is this wait; the rest overlapped the pages.
        logger.info(`${cardsDrawn()} preview cards drawn; waited ${((performance.now() - start) / 1000).toFixed(1)} s after the pages`);
      },
    },
  };
}
