// Code the first screen does not need (export libraries, ELK, ajv) arrives as its own chunk on first
// use, which keeps the first download small (docs/architecture.md, "Loading").

/**
 * A loader that imports once and shares the promise. A failed load is not remembered, so the next
 * use tries again, and its error says what to do.
 */
export function chunkLoader<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new Error(`${what} could not be loaded (${(error as Error).message}). Check the connection and try again; if it keeps failing, save your work and reload the page.`);
    }));
}
