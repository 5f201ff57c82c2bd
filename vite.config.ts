// Vite build of the two client pages (showroom at /, staff dashboard at /staff) into dist/client, and the test projects.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, 'client');
const apiPort = Number(process.env.SHOWROOM_API_PORT ?? 8081);

export default defineConfig({
  root,
  plugins: [react()],
  // soundswallower's web build imports a Blob polyfill that touches `document` and so breaks in the recogniser worker.
  resolve: { alias: { 'blob-polyfill': path.join(root, 'voice/nativeBlob.ts') } },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    // Catalogue files live under /assets/; the bundles go elsewhere.
    assetsDir: 'static',
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: {
        showroom: path.join(root, 'index.html'),
        staff: path.join(root, 'staff/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/trpc': `http://127.0.0.1:${apiPort}`,
      '/assets': `http://127.0.0.1:${apiPort}`,
      '/healthz': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    // Vite's root is client/; tests are found from the project root.
    dir: import.meta.dirname,
    reporters: ['default', './test/helpers/timingReporter.ts'],
    // `npm test` runs unit and e2e; `npm run test:slow` runs the slow project (benchmark-like tests, *.slow.test.ts).
    projects: [
      {
        test: {
          name: 'unit',
          root: import.meta.dirname,
          include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/voice/**/*.test.ts'],
          exclude: ['**/*.slow.test.ts', '**/node_modules/**'],
          environment: 'node',
          globalSetup: ['test/helpers/global-server.ts'],
          testTimeout: 30_000,
          // Unit and integration tests first, on both cores (vitest's default is one worker less than the cores);
          // the browser tests only after them.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          root: import.meta.dirname,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // Each browser test sets its own timeout, sized to what it does.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time: SwiftShader renders on the CPU, and two pages at once would share two cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'slow',
          root: import.meta.dirname,
          include: ['**/*.slow.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['test/helpers/global-server.ts'],
          testTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
