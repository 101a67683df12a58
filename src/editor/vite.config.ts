// The editor's build: the top-level index.html is the entry, so `root` is the repository root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FAST_VALIDATE = fileURLToPath(new URL('../model/fast-validate.ts', import.meta.url));
const FAST_VALIDATE_BROWSER = fileURLToPath(new URL('../model/fast-validate.browser.ts', import.meta.url));

/** The page imports fast-validate.browser.ts where the core imports fast-validate.ts (ajv on demand). */
const browserVariants: Plugin = {
  name: 'toc-browser-variants',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!/\/fast-validate(\.ts)?$/.test(source) || importer === FAST_VALIDATE_BROWSER) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === FAST_VALIDATE ? FAST_VALIDATE_BROWSER : null;
  },
};

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react(), browserVariants],
  // Workers as ES modules (both are started with type: 'module'), so they too load ajv on demand.
  worker: { format: 'es', plugins: () => [browserVariants] },
  build: {
    // TOC_WEB_OUT lets parallel work build and test without sharing one output folder.
    outDir: process.env.TOC_WEB_OUT ?? 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // ELK (1.5 MB, in the layout worker) is the one chunk above Vite's default; it loads only for a layout.
    chunkSizeWarningLimit: 1600,
  },
  server: { open: false },
});
