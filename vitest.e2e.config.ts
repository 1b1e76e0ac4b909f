/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

/** Browser suite: real Chromium against the built site, served locally. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
