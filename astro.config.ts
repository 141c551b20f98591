import { defineConfig } from 'astro/config';
import { dataWatch } from './src/integrations/data-watch.ts';
import { backgroundWrites } from './src/integrations/background-writes.ts';
import { rubyThread } from './src/integrations/ruby-thread.ts';
import { cspDirectives } from './src/lib/publish/csp.ts';
import { siteAddress } from './src/lib/config/site-address.ts';

// `npm run build` passes the address it resolved from site.json and the environment
// (scripts/build.ts); the dev server takes the environment's, or serves from the root.
const address = siteAddress(undefined, process.env);

// Static output only: the site is a folder of files that any web server (or GitHub Pages) serves.
export default defineConfig({
  output: 'static',
  site: address.site,
  base: address.base,
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [dataWatch(), backgroundWrites(), rubyThread()],
  // A Content-Security-Policy in every page: scripts and styles only from the site itself or
  // hashed by Astro, and nothing fetched from any other host.
  security: {
    csp: {
      directives: [...cspDirectives],
    },
  },
});
