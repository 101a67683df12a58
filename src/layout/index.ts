// Auto-layout: model → ELK layered graph in stage columns → positions and edge routes.
// Pure (no DOM, no Node APIs): the editor runs it in a Web Worker (worker.ts), the CLI in a worker
// thread (cli/commands/layout.ts), tests and the bench directly.
import type { Model } from '../model';
import type { LayoutResult } from './types';

export { layoutModel, engineEffort } from './layout';
export { ORIGIN } from './routes';
export { buildElkGraph, elkOptions, runElkHere } from './elk';
export { SPACING } from './geometry';
export { analyse, isSpine, SATELLITE_SLOT } from './structure';
export { measureLayout, type LayoutMetrics } from './metrics';
export { LayoutClient, LayoutCancelled, type LayoutJob, type WorkerLike } from './client';
export type { LayoutRequest, LayoutResponse, WorkerLayoutOptions } from './protocol';
export type * from './types';

/**
 * The model with the layout's positions written in, and nothing else changed: pinned nodes keep the
 * position they have, and a node the result does not know keeps its own. Returns the same object when
 * nothing moves, so a store can skip an empty undo step.
 */
export function applyLayout<M extends Pick<Model, 'nodes'>>(model: M, result: Pick<LayoutResult, 'positions'>): M {
  let changed = false;
  const nodes = model.nodes.map((node) => {
    const next = result.positions[node.id];
    if (!next || (node.pinned === true && node.position)) return node;
    const x = Math.round(next.x);
    const y = Math.round(next.y);
    if (node.position && node.position.x === x && node.position.y === y) return node;
    changed = true;
    return { ...node, position: { x, y } };
  });
  return changed ? { ...model, nodes } : model;
}
