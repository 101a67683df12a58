// The Web Worker entry for the editor's "Tidy layout": receives a model and options, posts progress
// and then the result (or an error). Cancelling is terminate(): ELK cannot be interrupted otherwise.
// Create it with: new Worker(new URL('../layout/worker.ts', import.meta.url), { type: 'module' })
import { layoutModel } from './layout';
import type { LayoutRequest, LayoutResponse } from './protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: LayoutRequest }) => void): void;
  postMessage(message: LayoutResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

// A listener, not onmessage: elk.bundled.js, started inside a worker by the first layout, sets
// self.onmessage to its own dispatcher, and every later request to this warm worker went unanswered.
// (ELK's dispatcher also sees these requests; without its `cmd` field it ignores them.)
scope.addEventListener('message', (event) => {
  const { id, model, options } = event.data;
  layoutModel(model, { ...options, onProgress: (progress) => scope.postMessage({ type: 'progress', id, progress }) }).then(
    (result) => scope.postMessage({ type: 'result', id, result }),
    (error: unknown) => scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
});
