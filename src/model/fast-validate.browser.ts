// The browser's stand-in for fast-validate.ts (src/editor/vite.config.ts substitutes it): ajv is a
// tenth of the editor's code, so it is fetched when the first large file is parsed instead of with
// the page. Until it has arrived the answer is "ask zod", which is always right, only slower.
import type * as Fast from './fast-validate';

let loaded: typeof Fast.fastAccepts | undefined;
let loading = false;

export const fastAccepts: typeof Fast.fastAccepts = (model) => {
  if (loaded) return loaded(model);
  if (!loading) {
    loading = true;
    import('./fast-validate').then(
      (fast) => (loaded = fast.fastAccepts),
      () => (loading = false), // offline: zod keeps answering; the next large file tries again
    );
  }
  return false;
};
