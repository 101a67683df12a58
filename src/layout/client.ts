// The page's side of the layout worker: one job at a time per worker, progress callbacks, a cancel
// that really stops ELK (it terminates the worker), and the same layout on the main thread when no
// worker can be created. No DOM types: anything with postMessage/terminate/onmessage will do, which
// keeps this testable in Node.
import type { Model } from '../model';
import type { LayoutRequest, LayoutResponse, WorkerLayoutOptions } from './protocol';
import type { LayoutProgress, LayoutResult } from './types';

export interface WorkerLike {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: { data: LayoutResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** The job was cancelled: its result will never come. */
export class LayoutCancelled extends Error {
  constructor() {
    super('layout cancelled');
  }
}

export interface LayoutJob {
  promise: Promise<LayoutResult>;
  /** Stops the layout. In a worker it stops at once; on the main thread the result is discarded. */
  cancel(): void;
  /** Where it runs: 'worker', or 'main-thread' when no worker could be created. */
  where: 'worker' | 'main-thread';
}

/**
 * Runs layouts in a Web Worker, keeping one worker warm between jobs (ELK's start-up is the slow
 * part of a small layout). `createWorker` is the editor's `() => new Worker(new URL(...))`; when it
 * is missing or throws, jobs run on the main thread.
 */
export class LayoutClient {
  private idle: WorkerLike | undefined;
  private nextId = 1;

  constructor(private readonly createWorker?: () => WorkerLike) {}

  layout(model: Pick<Model, 'nodes' | 'edges'>, options: WorkerLayoutOptions = {}, onProgress?: (progress: LayoutProgress) => void): LayoutJob {
    const worker = this.take();
    if (!worker) return mainThreadJob(model, options, onProgress);
    const id = this.nextId++;
    let settle: { resolve: (r: LayoutResult) => void; reject: (e: Error) => void } | undefined;
    const promise = new Promise<LayoutResult>((resolve, reject) => (settle = { resolve, reject }));
    const finish = (keep: boolean) => {
      worker.onmessage = null;
      worker.onerror = null;
      if (keep && !this.idle) this.idle = worker;
      else worker.terminate();
      settle = undefined;
    };
    worker.onmessage = ({ data }) => {
      if (data.id !== id || !settle) return;
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'result') {
        const { resolve } = settle;
        finish(true);
        resolve(data.result);
      } else {
        const { reject } = settle;
        finish(false);
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      if (!settle) return;
      const { reject } = settle;
      finish(false);
      // A script that could not be fetched raises an error event without a message.
      const message = (event as { message?: string } | null)?.message;
      reject(new Error(message ? `layout worker failed: ${message}` : 'the layout code could not be loaded; check the connection and try again'));
    };
    worker.postMessage({ type: 'layout', id, model: { nodes: model.nodes, edges: model.edges }, options });
    return {
      promise,
      where: 'worker',
      cancel: () => {
        if (!settle) return;
        const { reject } = settle;
        finish(false);
        reject(new LayoutCancelled());
      },
    };
  }

  /** Stops the warm worker, if any. */
  dispose(): void {
    this.idle?.terminate();
    this.idle = undefined;
  }

  private take(): WorkerLike | undefined {
    if (this.idle) {
      const worker = this.idle;
      this.idle = undefined;
      return worker;
    }
    if (!this.createWorker) return undefined;
    try {
      return this.createWorker();
    } catch {
      return undefined;
    }
  }
}

function mainThreadJob(model: Pick<Model, 'nodes' | 'edges'>, options: WorkerLayoutOptions, onProgress?: (progress: LayoutProgress) => void): LayoutJob {
  let cancelled = false;
  let rejectNow: (error: Error) => void = () => {};
  const cancelledPromise = new Promise<never>((_, reject) => (rejectNow = reject));
  // Imported on demand: ELK is most of a browser bundle, and a page that has a worker never needs it here.
  const work = import('./layout').then(({ layoutModel }) => layoutModel(model, { ...options, onProgress: (p) => !cancelled && onProgress?.(p) }));
  work.catch(() => undefined);
  return {
    promise: Promise.race([work, cancelledPromise]),
    where: 'main-thread',
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      rejectNow(new LayoutCancelled());
    },
  };
}
