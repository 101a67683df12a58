// Queries for reading a big model: one pathway, the causal spine, filters and collapsed groups.
// Each is one pass over the nodes and edges (GraphIndex lookups are O(1)), and cycles are safe
// (every walk keeps a visited set). bench/reading.ts times them.
import type { GraphIndex } from './graph';
import type { TocEdge, TocNode } from './schema';
import { SPINE_KINDS, type EdgeKind, type NodeKind } from './vocabulary';
/** The links that carry the causal story from inputs to the aim. */
export const CAUSAL_EDGE_KINDS: readonly EdgeKind[] = ['leads-to', 'enables'];

const SPINE = new Set<NodeKind>(SPINE_KINDS);
const CAUSAL = new Set<EdgeKind>(CAUSAL_EDGE_KINDS);

/** Node and edge ids of a part of the model. */
export interface SubGraph {
  nodes: Set<string>;
  edges: Set<string>;
}

export interface Pathway extends SubGraph {
  /**
   * Measures, assumptions, risks, context and stakeholders linked directly to a node of the
   * pathway, and those links: what supports or threatens the path, shown as secondary. Only one
   * step out, so a stakeholder's other activities do not pull half the model in.
   */
  satellites: SubGraph;
}

/**
 * Everything upstream and downstream of the start nodes along `leads-to` and `enables`, with the
 * causal links that lie on a path through a start node (both ends upstream, or both downstream),
 * plus the satellites around it.
 */
export function pathway(graph: GraphIndex, start: Iterable<string>): Pathway {
  const starts = [...start].filter((id) => graph.node(id));
  const up = graph.reachable(starts, CAUSAL_EDGE_KINDS, 'backward');
  const down = graph.reachable(starts, CAUSAL_EDGE_KINDS, 'forward');
  const nodes = new Set([...up, ...down]);
  const edges = new Set<string>();
  const satellites: SubGraph = { nodes: new Set(), edges: new Set() };
  const satellite = (edge: TocEdge, otherId: string) => {
    const other = graph.node(otherId);
    if (!other || SPINE.has(other.kind)) return;
    satellites.nodes.add(other.id);
    satellites.edges.add(edge.id);
  };
  // One pass over the links: cheaper than per-node, per-kind lookups once the pathway is large.
  for (const edge of graph.edges) {
    if (CAUSAL.has(edge.kind)) {
      if ((up.has(edge.source) && up.has(edge.target)) || (down.has(edge.source) && down.has(edge.target))) edges.add(edge.id);
    } else {
      if (nodes.has(edge.source)) satellite(edge, edge.target);
      if (nodes.has(edge.target)) satellite(edge, edge.source);
    }
  }
  return { nodes, edges, satellites };
}

/** The nodes that pass a test and the links whose two ends both pass (of the given kinds, or any). */
export function induced(graph: GraphIndex, keep: (node: TocNode) => boolean, edgeKinds?: readonly EdgeKind[]): SubGraph {
  const nodes = new Set<string>();
  for (const node of graph.nodes) if (keep(node)) nodes.add(node.id);
  const kinds = edgeKinds && new Set(edgeKinds);
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    if (nodes.has(edge.source) && nodes.has(edge.target) && (!kinds || kinds.has(edge.kind))) edges.add(edge.id);
  }
  return { nodes, edges };
}

/** The spine-kind nodes and the `leads-to` and `enables` links between them. */
export function causalSpine(graph: GraphIndex): SubGraph {
  return induced(graph, (node) => SPINE.has(node.kind), CAUSAL_EDGE_KINDS);
}

/**
 * The marked nodes (for example those with a finding), the two ends of every marked link, and the
 * links between any of those: a marked link is never drawn without its ends.
 */
export function aroundMarked(graph: GraphIndex, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): SubGraph {
  const keep = new Set<string>();
  for (const id of nodes) if (graph.node(id)) keep.add(id);
  for (const id of edges) {
    const edge = graph.edge(id);
    if (edge) keep.add(edge.source).add(edge.target);
  }
  return induced(graph, (node) => keep.has(node.id));
}

export interface Group {
  id: string;
  members: readonly string[];
}

/** The links between one outside end (a node or another group) and a group, in one direction, drawn as one. */
export interface MergedEdge {
  id: string;
  source: string;
  target: string;
  /** The links it stands for, in file order. */
  edges: string[];
  /** Their kind when all share one. */
  kind: EdgeKind | undefined;
}

export interface Collapsed {
  /** Member node id → its group's id. */
  owner: Map<string, string>;
  /** Links not drawn as they are: inside a group, or merged into a MergedEdge. */
  hidden: Set<string>;
  merged: MergedEdge[];
}

/**
 * Each group drawn as one node: links inside a group are hidden, links between a group and the
 * outside (or another group) are merged into one per pair of ends and direction. A node belongs to
 * its first group only; ids that name no node are ignored. `visible` limits the links considered.
 */
export function collapse(graph: GraphIndex, groups: readonly Group[], visible?: ReadonlySet<string>): Collapsed {
  const owner = new Map<string, string>();
  for (const group of groups) for (const id of group.members) if (graph.node(id) && !owner.has(id)) owner.set(id, group.id);
  const hidden = new Set<string>();
  const merged = new Map<string, MergedEdge>();
  if (owner.size === 0) return { owner, hidden, merged: [] };
  for (const edge of graph.edges) {
    if (visible && !visible.has(edge.id)) continue;
    const from = owner.get(edge.source);
    const to = owner.get(edge.target);
    if (from === undefined && to === undefined) continue;
    hidden.add(edge.id);
    const source = from ?? edge.source;
    const target = to ?? edge.target;
    if (source === target) continue; // inside one group
    const id = `${source}\u2192${target}`;
    const entry = merged.get(id);
    if (!entry) merged.set(id, { id, source, target, edges: [edge.id], kind: edge.kind });
    else {
      entry.edges.push(edge.id);
      if (entry.kind !== edge.kind) entry.kind = undefined;
    }
  }
  return { owner, hidden, merged: [...merged.values()] };
}
