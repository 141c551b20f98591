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

// The check page's script runs the gate's validators in the browser: there src/lib is bundled
// (it is external only for the prerendering), and iconv-lite is the browser's own Shift_JIS
// decoder (src/scripts/iconv-lite-browser.ts) instead of code tables that need Node's Buffer.
const browserModules = {
  name: 'browser-modules',
  enforce: 'pre' as const,
  applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
  resolveId: (id: string) => (id === 'iconv-lite' ? fileURLToPath(new URL('./src/scripts/iconv-lite-browser.ts', import.meta.url)) : null),
};
// Vite takes an environment's options from the top-level ones: src/lib is made external in each
// server environment's own options, so the client environment (the browser's scripts) bundles it.
const externalOnServer = {
  name: 'external-on-server',
  configEnvironment(name: string, config: { build?: { rolldownOptions?: Record<string, unknown>; rollupOptions?: Record<string, unknown> } }) {
    if (name === 'client') return;
    // Kept as absolute paths: the prerendered chunks import them from where they are. Vite 8
    // reads rolldownOptions, of which rollupOptions is the older name.
    const options = { ...config.build?.rolldownOptions, ...config.build?.rollupOptions, makeAbsoluteExternalsRelative: false, external: unbundled };
    config.build = { ...config.build, rolldownOptions: options, rollupOptions: options };
  },
};

// Static output only: the site is a folder of files that any web server (or GitHub Pages) serves.
// Twelve pages render at a time: each waits for its file to be written, and with four at a time the
// main thread sat idle for about two seconds of data/'s build (a CPU profile's idle time: 2.2 s at
// four, 1.0–1.2 s at twelve; twenty-four gained nothing more). The bare build (bench/bare/) uses the same.
export default defineConfig({
  output: 'static',
  site: address.site,
  base: address.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 12 },
  vite: {
    plugins: [browserModules, externalOnServer],
  },
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
