/**
 * During a build, the ふりがな of the やさしい日本語 edition are written on a thread of their own
 * (src/lib/i18n/ruby-thread.ts), overlapping the rendering of the next pages; see
 * src/lib/present/furigana-site.ts. The dev server writes them in place.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { useRubyThread } from '../lib/present/furigana-site.ts';

export function rubyThread(): AstroIntegration {
  let file = '';
  return {
    name: 'ruby-thread',
    hooks: {
      'astro:config:setup': ({ config }) => {
        file = fileURLToPath(new URL('./src/lib/i18n/ruby-thread.ts', config.root));
      },
      'astro:build:start': () => useRubyThread(file),
      'astro:build:done': () => useRubyThread(null),
    },
  };
}
