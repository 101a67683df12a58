// Auto-layout: model → ELK layered graph in stage columns → positions and edge routes.
// Pure (no DOM, no Node APIs): the editor runs it in a Web Worker (worker.ts), the CLI in a worker
// thread (cli/commands/layout.ts), tests and the bench directly.
export { applyLayout } from './apply';
export { layoutModel, engineEffort } from './layout';
export { ORIGIN } from './routes';
export { buildElkGraph, elkOptions, runElkHere } from './elk';
export { SPACING } from './geometry';
export { analyse, isSpine, SATELLITE_SLOT } from './structure';
export { measureLayout, type LayoutMetrics } from './metrics';
export { LayoutClient, LayoutCancelled, type LayoutJob, type WorkerLike } from './client';
export type { LayoutRequest, LayoutResponse, WorkerLayoutOptions } from './protocol';
export type * from './types';
