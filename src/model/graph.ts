// One index over a model's graph, built in O(V + E) and shared by lint, layout and export.
import type { Model, TocNode, TocEdge } from './schema';
import type { EdgeKind, NodeKind } from './vocabulary';

const NO_EDGES: readonly TocEdge[] = [];

export class GraphIndex {
  readonly nodes: readonly TocNode[];
  readonly edges: readonly TocEdge[];
  private readonly nodeById = new Map<string, TocNode>();
  private readonly edgeById = new Map<string, TocEdge>();
  private readonly outgoing = new Map<string, Map<EdgeKind, TocEdge[]>>();
  private readonly incoming = new Map<string, Map<EdgeKind, TocEdge[]>>();
  private readonly byKind = new Map<NodeKind, TocNode[]>();

  constructor(model: Pick<Model, 'nodes' | 'edges'>) {
    this.nodes = model.nodes;
    this.edges = model.edges;
    for (const node of model.nodes) {
      this.nodeById.set(node.id, node);
      let list = this.byKind.get(node.kind);
      if (!list) this.byKind.set(node.kind, (list = []));
      list.push(node);
    }
    for (const edge of model.edges) {
      this.edgeById.set(edge.id, edge);
      push(this.outgoing, edge.source, edge);
      push(this.incoming, edge.target, edge);
    }
  }

  node(id: string): TocNode | undefined {
    return this.nodeById.get(id);
  }

  edge(id: string): TocEdge | undefined {
    return this.edgeById.get(id);
  }

  nodesOfKind<K extends NodeKind>(kind: K): readonly Extract<TocNode, { kind: K }>[] {
    return (this.byKind.get(kind) ?? []) as Extract<TocNode, { kind: K }>[];
  }

  /** Edges leaving a node, of one kind or of any kind. */
  out(id: string, kind?: EdgeKind): readonly TocEdge[] {
    return select(this.outgoing.get(id), kind);
  }

  /** Edges arriving at a node, of one kind or of any kind. */
  in(id: string, kind?: EdgeKind): readonly TocEdge[] {
    return select(this.incoming.get(id), kind);
  }

  /** Nodes at the far end of a node's outgoing edges of a kind. */
  successors(id: string, kind?: EdgeKind): TocNode[] {
    return this.out(id, kind).flatMap((edge) => this.nodeById.get(edge.target) ?? []);
  }

  predecessors(id: string, kind?: EdgeKind): TocNode[] {
    return this.in(id, kind).flatMap((edge) => this.nodeById.get(edge.source) ?? []);
  }

  degree(id: string): number {
    return this.out(id).length + this.in(id).length;
  }

  /** Every node reachable from the start nodes along edges of the given kinds (start nodes included). */
  reachable(start: Iterable<string>, kinds: readonly EdgeKind[], direction: 'forward' | 'backward' = 'forward'): Set<string> {
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const id of start) if (!seen.has(id)) (seen.add(id), queue.push(id));
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const kind of kinds) {
        for (const edge of direction === 'forward' ? this.out(id, kind) : this.in(id, kind)) {
          const next = direction === 'forward' ? edge.target : edge.source;
          if (!seen.has(next)) (seen.add(next), queue.push(next));
        }
      }
    }
    return seen;
  }
}

function push(index: Map<string, Map<EdgeKind, TocEdge[]>>, id: string, edge: TocEdge) {
  let byKind = index.get(id);
  if (!byKind) index.set(id, (byKind = new Map()));
  let list = byKind.get(edge.kind);
  if (!list) byKind.set(edge.kind, (list = []));
  list.push(edge);
}

function select(byKind: Map<EdgeKind, TocEdge[]> | undefined, kind: EdgeKind | undefined): readonly TocEdge[] {
  if (!byKind) return NO_EDGES;
  if (kind !== undefined) return byKind.get(kind) ?? NO_EDGES;
  if (byKind.size === 1) return byKind.values().next().value!;
  return [...byKind.values()].flat();
}
