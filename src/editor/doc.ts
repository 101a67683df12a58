// The editor's document: the model with nodes and edges keyed by id (Maps keep file order for any
// id, even digit-only ones). Arrays exist only in the file; these two functions convert.
import type { Model, TocEdge, TocNode } from '../model';

export type ModelMeta = Omit<Model, 'nodes' | 'edges'>;

export interface Doc {
  readonly meta: ModelMeta;
  readonly nodes: ReadonlyMap<string, TocNode>;
  readonly edges: ReadonlyMap<string, TocEdge>;
}

export function docFromModel(model: Model): Doc {
  const { nodes, edges, ...meta } = model;
  return {
    meta,
    nodes: new Map(nodes.map((node) => [node.id, node])),
    edges: new Map(edges.map((edge) => [edge.id, edge])),
  };
}

const models = new WeakMap<Doc, Model>();

/** The document as a model (cached per document, which is immutable). */
export function modelFromDoc(doc: Doc): Model {
  let model = models.get(doc);
  if (!model) {
    model = { ...doc.meta, nodes: [...doc.nodes.values()], edges: [...doc.edges.values()] };
    models.set(doc, model);
  }
  return model;
}

export interface XY {
  x: number;
  y: number;
}

export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export function selectionOf(nodes: Iterable<string> = [], edges: Iterable<string> = []): Selection {
  return { nodes: new Set(nodes), edges: new Set(edges) };
}

export function isSelectionEmpty(selection: Selection): boolean {
  return selection.nodes.size === 0 && selection.edges.size === 0;
}
