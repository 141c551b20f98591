import { defineConfig } from 'vitest/config';

process.env.TZ = 'Asia/Tokyo';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Build tests write their own output folders; running files in parallel would only fight
    // over the two cores.
    fileParallelism: false,
  },
});
