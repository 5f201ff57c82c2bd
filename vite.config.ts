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
    projects: [
      {
        test: {
          name: 'unit',
          root: import.meta.dirname,
          include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/voice/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: import.meta.dirname,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
