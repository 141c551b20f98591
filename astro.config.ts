import { defineConfig } from 'astro/config';
import { dataWatch } from './src/integrations/data-watch.ts';
import { backgroundWrites } from './src/integrations/background-writes.ts';
import { parallelPrerender } from './src/integrations/parallel-prerender.ts';
import { rubyThread } from './src/integrations/ruby-thread.ts';
import { cspDirectives } from './src/lib/publish/csp.ts';

// Static output only: the site is a folder of files that any web server (or GitHub Pages) serves.
// SITE_URL and BASE_PATH come from the hosting (GitHub Pages passes its URL and base path to
// the workflow); locally the site is served from the root.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [dataWatch(), backgroundWrites(), parallelPrerender(), rubyThread()],
  // A Content-Security-Policy in every page: scripts and styles only from the site itself or
  // hashed by Astro, and nothing fetched from any other host.
  security: {
    csp: {
      directives: [...cspDirectives],
    },
  },
});
