// A compact way to write the small example models of the rule documentation. The result is an
// ordinary model file (tests parse every example), with edge ids e1, e2, … in order.
import type { EdgeKind, EdgeOfKind, Model, NodeKind, NodeOfKind, TocEdge, TocNode } from '../model';

/** The date the examples are judged on (docs and tests), so date rules give the same result every day. */
export const EXAMPLE_TODAY = '2026-01-01';

type Attributes<T> = Partial<Omit<T, 'id' | 'kind' | 'label' | 'source' | 'target'>>;

export function node<K extends NodeKind>(kind: K, id: string, label: string, attributes: Attributes<NodeOfKind<K>> = {}): TocNode {
  return { id, kind, label, ...attributes } as TocNode;
}

export type EdgeSpec = { [K in EdgeKind]: [K, string, string, Attributes<EdgeOfKind<K>>?] }[EdgeKind];

export function exampleModel(title: string, nodes: TocNode[], edges: EdgeSpec[] = [], top: Partial<Model> = {}): Model {
  return {
    schemaVersion: 1,
    title,
    ...top,
    nodes,
    edges: edges.map(([kind, source, target, attributes], i) => ({ id: `e${i + 1}`, kind, source, target, ...attributes }) as TocEdge),
  };
}
