// Messages between the page and the layout Web Worker (worker.ts). Plain data only.
import type { Model } from '../model';
import type { LayoutOptions, LayoutProgress, LayoutResult } from './types';

/** The options a worker can receive: everything but the callbacks. */
export type WorkerLayoutOptions = Omit<LayoutOptions, 'onProgress' | 'runEngine'>;

export interface LayoutRequest {
  type: 'layout';
  id: number;
  model: Pick<Model, 'nodes' | 'edges'>;
  options: WorkerLayoutOptions;
}

export type LayoutResponse =
  | { type: 'progress'; id: number; progress: LayoutProgress }
  | { type: 'result'; id: number; result: LayoutResult }
  | { type: 'error'; id: number; message: string };
