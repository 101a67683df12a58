// The messages between the page and the rule checker's worker (lint-worker.ts): the model goes as
// the changes since the last request, applied to the worker's copy; findings come back. The worker
// also writes the autosaved working copy from its copy, so typing never waits for serialising it.
import type { Model, TocEdge, TocNode } from '../model';
import type { CopyDetails, SavedCopy } from './autosave';
import type { Finding, Lesson, RuleMeta } from '../lint/types';
import type { ModelMeta } from './doc';

export type Lessons = Partial<Record<Lesson, { title: string; summary: string }>>;

export interface LintResult {
  findings: Finding[];
  /** How long the check itself took, in ms (in the worker when there is one). */
  ms: number;
}


/** What changed in a list since the last request: copying 2,000 nodes to the worker on every change would cost the main thread more than a frame. */
export interface Delta<T> {
  set: T[];
  remove: string[];
}

export interface ModelChange {
  meta: ModelMeta;
  nodes: Delta<TocNode>;
  edges: Delta<TocEdge>;
}

/** The order of the page's nodes and edges: the text keeps it, and deltas can leave the worker's copy in another. */
export interface ModelOrder {
  nodes: string[];
  edges: string[];
}

export type LintRequest = { id: number } & ModelChange & ({ task: 'lint' } | { task: 'save'; order: ModelOrder; copy: CopyDetails });

export type LintResponse =
  | { type: 'ready'; lessons: Lessons; rules: RuleMeta[] }
  | ({ type: 'result'; id: number } & LintResult)
  /** The text written, or serialised when the write failed (`failed` says why). */
  | ({ type: 'saved'; id: number } & SavedCopy)
  | { type: 'error'; id: number; message: string };

/** The items of `next` that are not (the same object) in `previous`, and the ids that went. Nodes and edges are immutable in the store, so identity tells. */
export function delta<T extends { id: string }>(previous: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): Delta<T> {
  return {
    set: [...next.values()].filter((item) => previous.get(item.id) !== item),
    remove: [...previous.keys()].filter((id) => !next.has(id)),
  };
}

export const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/** The worker's side: the model as of the last request, changed by each delta. */
export class ModelReplica {
  private readonly nodes = new Map<string, TocNode>();
  private readonly edges = new Map<string, TocEdge>();

  apply({ meta, nodes, edges }: ModelChange, order?: ModelOrder): Model {
    for (const [map, change] of [[this.nodes, nodes], [this.edges, edges]] as [Map<string, { id: string }>, Delta<{ id: string }>][]) {
      for (const id of change.remove) map.delete(id);
      for (const item of change.set) map.set(item.id, item);
    }
    const inOrder = <T>(map: Map<string, T>, ids: string[] | undefined) => (ids ? ids.map((id) => map.get(id)!) : [...map.values()]);
    return { ...meta, nodes: inOrder(this.nodes, order?.nodes), edges: inOrder(this.edges, order?.edges) };
  }
}

