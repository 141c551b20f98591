import { defineConfig } from 'astro/config';
import { dataWatch } from './src/integrations/data-watch.ts';
import { cspDirectives } from './src/lib/publish/csp.ts';
import { siteAddress } from './src/lib/config/site-address.ts';
import { fileURLToPath } from 'node:url';

// The pages import src/lib and src/charts as they are, not bundled: they run in the build's own
// process, and so share the very modules scripts/build.ts runs the gate with and hands its context
// to (src/lib/build-context.ts), with no second copy to keep in step. Node runs their TypeScript.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unbundled = ['./src/lib/', './src/charts/'].map((d) => new RegExp(`^${escape(fileURLToPath(new URL(d, import.meta.url)))}`));

// `npm run build` passes the address it resolved from site.json and the environment
// (scripts/build.ts); the dev server takes the environment's, or serves from the root.
const address = siteAddress(undefined, process.env);

// Static output only: the site is a folder of files that any web server (or GitHub Pages) serves.
export default defineConfig({
  output: 'static',
  site: address.site,
  base: address.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Kept as absolute paths: the prerendered chunks import them from where they are.
  vite: { build: { rollupOptions: { makeAbsoluteExternalsRelative: false, external: unbundled } } },
  devToolbar: { enabled: false },
  integrations: [dataWatch()],
  // A Content-Security-Policy in every page: scripts and styles only from the site itself or
  // hashed by Astro, and nothing fetched from any other host.
  security: {
    csp: {
      directives: [...cspDirectives],
    },
  },
});
