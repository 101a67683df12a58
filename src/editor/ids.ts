// New ids for nodes and edges: readable (`activity-3`, `e-12`), unique across nodes and edges.
import { ID_PATTERN, type NodeKind } from '../model';
import type { Doc } from './doc';

export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(doc: Doc) {
    this.taken = new Set([...doc.nodes.keys(), ...doc.edges.keys()]);
  }

  private allocate(prefix: string): string {
    let n = this.next.get(prefix) ?? 1;
    while (this.taken.has(`${prefix}-${n}`)) n++;
    const id = `${prefix}-${n}`;
    this.taken.add(id);
    this.next.set(prefix, n + 1);
    return id;
  }

  node(kind: NodeKind): string {
    return this.allocate(kind);
  }

  edge(): string {
    return this.allocate('e');
  }

  /** Claims a specific id (for example one the user typed), or returns false if it cannot be used. */
  claim(id: string): boolean {
    if (!ID_PATTERN.test(id) || this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }
}
