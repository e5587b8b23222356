import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/csp-plugin.js';
import { threadedWasm } from './scripts/threaded-wasm-plugin.js';

/**
 * Cross-origin isolation: with these two headers the page gets SharedArrayBuffer, so the wasm
 * backend can run on several threads. Static hosts that cannot set headers get them from
 * public/coi-serviceworker.js instead.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Vite config: the React app, ES-module workers, cross-origin isolation, the Content-Security-Policy, and Vitest (unit tests beside the code). */
export default defineConfig({
  plugins: [react(), threadedWasm(), contentSecurityPolicy()],
  worker: { format: 'es', plugins: () => [threadedWasm()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the studio, and the backend benchmark page that `npm run bench` drives.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
      },
    },
  },
  // `npm run dev` pre-bundles tfjs; the threaded wasm module needs the same rewrite there.
  optimizeDeps: { rolldownOptions: { plugins: [threadedWasm()] } },
  server: { host: '127.0.0.1', port: 5173, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one core to its main process (1 fork on 2 cores); the forks spend
    // most of their time in wasm kernels, so one per core finishes the suite sooner.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
