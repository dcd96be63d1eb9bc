import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/**
 * Desktop build: main → out/main/index.js (package.json "main"), preload → out/preload/index.cjs
 * (CommonJS with zod bundled in, as a sandboxed preload requires), renderer → out/renderer.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
