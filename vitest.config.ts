import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test; end-to-end specs live in e2e/ and run under Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000
  }
});
