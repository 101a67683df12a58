// The editor's build: the top-level index.html is the entry, so `root` is the repository root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    // TOC_WEB_OUT lets parallel work build and test without sharing one output folder.
    outDir: process.env.TOC_WEB_OUT ?? 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { open: false },
});
