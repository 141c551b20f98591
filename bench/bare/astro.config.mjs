// The bare build the benchmark compares the site's build with: Astro and Plot alone, same output
// options as the site (static, one folder per page, the same page concurrency), no data pipeline.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: process.env.BARE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 12 },
  devToolbar: { enabled: false },
});
