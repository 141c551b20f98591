import { defineConfig } from 'astro/config';

// Static output only: the site is a folder of files that any web server (or GitHub Pages) serves.
export default defineConfig({
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
