// Every change the editor can make to a document, as commands for the store's one dispatch point.
// Builders read the current document (to choose ids) and return a label and an immer recipe.
import {
  EDGE_SCHEMAS,
  Edge as EdgeSchema,
  NODE_SCHEMAS,
  Node as NodeSchema,
  type EdgeKind,
  type NodeKind,
  type TocEdge,
  type TocNode,
} from '../model';
import { NODE_STYLES } from '../render/theme';
import type { Doc, ModelMeta, Selection, XY } from './doc';
import { selectionOf } from './doc';
import { IdAllocator } from './ids';
import type { Command } from './store';

type Plain = Record<string, unknown>;

/** Keys every node has, whatever its kind; the rest of a node schema's keys are the kind's attributes. */
export const NODE_BASE_KEYS = ['id', 'kind', 'label', 'description', 'position', 'pinned', 'tags', 'data'] as const;
export const EDGE_BASE_KEYS = ['id', 'kind', 'source', 'target', 'label', 'rationale', 'evidence', 'data'] as const;

export function defaultLabel(kind: NodeKind): string {
  return `New ${NODE_STYLES[kind].name}`;
}

export function addNode(doc: Doc, kind: NodeKind, position: XY, attributes: Plain = {}): Command & { id: string } {
  const id = new IdAllocator(doc).node(kind);
  const node = { id, kind, label: defaultLabel(kind), position: roundXY(position), ...attributes } as TocNode;
  return {
    id,
    label: `Add ${NODE_STYLES[kind].name}`,
    recipe: (draft) => {
      draft.nodes.set(id, node);
    },
    select: selectionOf([id]),
  };
}

/** Sets attributes of a node; a value of `undefined` removes the key. */
export function updateNode(id: string, changes: Plain, coalesce?: string): Command {
  return {
    label: `Edit ${Object.keys(changes).join(', ')}`,
    coalesce,
    recipe: (draft) => {
      const node = draft.nodes.get(id);
      if (node) assign(node as Plain, changes);
    },
  };
}

/** Changes a node's kind, keeping the base keys and any attribute the new kind also accepts. */
export function changeNodeKind(doc: Doc, id: string, kind: NodeKind): Command {
  const node = doc.nodes.get(id);
  return {
    label: 'Change kind',
    recipe: (draft) => {
      if (!node || node.kind === kind) return;
      draft.nodes.set(id, convert(node as Plain, kind, NODE_SCHEMAS[kind].shape) as TocNode);
    },
  };
}

/** Writes positions (a drag's end, or a burst of arrow-key nudges when `coalesce` is given). */
export function moveNodes(positions: ReadonlyMap<string, XY>, coalesce?: string): Command {
  return {
    label: 'Move',
    coalesce,
    recipe: (draft) => {
      for (const [id, xy] of positions) {
        const node = draft.nodes.get(id);
        if (!node) continue;
        const next = roundXY(xy);
        if (node.position?.x !== next.x || node.position?.y !== next.y) node.position = next;
      }
    },
  };
}

/** Deletes nodes (with every edge touching them) and edges. */
export function deleteElements(doc: Doc, selection: Selection): Command {
  const edgeIds = new Set(selection.edges);
  for (const edge of doc.edges.values()) {
    if (selection.nodes.has(edge.source) || selection.nodes.has(edge.target)) edgeIds.add(edge.id);
  }
  return {
    label: 'Delete',
    recipe: (draft) => {
      let deleted = false;
      for (const id of selection.nodes) deleted = draft.nodes.delete(id) || deleted;
      for (const id of edgeIds) deleted = draft.edges.delete(id) || deleted;
      forgetEdgeReferences(draft.edges, edgeIds);
      // Whole maps go into the history: undoing a single deletion re-adds the key at the Map's end,
      // which would reorder the file.
      if (deleted) {
        draft.nodes = new Map(draft.nodes);
        draft.edges = new Map(draft.edges);
      }
    },
    select: selectionOf(),
  };
}

export function addEdge(doc: Doc, kind: EdgeKind, source: string, target: string): Command & { id: string } {
  const id = new IdAllocator(doc).edge();
  return {
    id,
    label: 'Connect',
    recipe: (draft) => {
      draft.edges.set(id, { id, kind, source, target } as TocEdge);
    },
    select: selectionOf([], [id]),
  };
}

export function updateEdge(id: string, changes: Plain, coalesce?: string): Command {
  return {
    label: `Edit ${Object.keys(changes).join(', ')}`,
    coalesce,
    recipe: (draft) => {
      const edge = draft.edges.get(id);
      if (edge) assign(edge as Plain, changes);
    },
  };
}

export function changeEdgeKind(doc: Doc, id: string, kind: EdgeKind): Command {
  const edge = doc.edges.get(id);
  return {
    label: 'Change link kind',
    recipe: (draft) => {
      if (!edge || edge.kind === kind) return;
      draft.edges.set(id, convert(edge as Plain, kind, EDGE_SCHEMAS[kind].shape) as TocEdge);
      if (edge.kind === 'leads-to') forgetEdgeReferences(draft.edges, new Set([id]));
    },
  };
}

/** `underpins` edges may name the `leads-to` edge they are about; that reference must not dangle. */
function forgetEdgeReferences(edges: Map<string, TocEdge>, gone: ReadonlySet<string>): void {
  for (const edge of edges.values()) {
    if (edge.kind === 'underpins' && edge.edge !== undefined && gone.has(edge.edge)) delete edge.edge;
  }
}

export type MetaPath = readonly (string | number)[];

/**
 * Sets a value anywhere in the model's settings (`['community', 'sites', 0, 'name']`), creating
 * objects on the way; `undefined` removes the key, and objects left empty are removed with it.
 */
export function setMetaValue(path: MetaPath, value: unknown, coalesce?: string): Command {
  return {
    label: `Edit ${path.filter((p) => typeof p === 'string').join(' ')}`,
    coalesce,
    recipe: (draft) => {
      setIn(draft.meta as Plain, path, value);
    },
  };
}

/** Appends an item to a list in the model's settings (sites, suppressions, evidence). */
export function addMetaItem(path: MetaPath, item: unknown): Command {
  return {
    label: `Add ${String(path[path.length - 1])}`,
    recipe: (draft) => {
      const list = getIn(draft.meta as Plain, path);
      if (Array.isArray(list)) list.push(item);
      else setIn(draft.meta as Plain, path, [item]);
    },
  };
}

export function removeMetaItem(path: MetaPath, index: number): Command {
  return {
    label: `Remove ${String(path[path.length - 1])}`,
    recipe: (draft) => {
      const list = getIn(draft.meta as Plain, path);
      if (!Array.isArray(list)) return;
      list.splice(index, 1);
      if (list.length === 0) setIn(draft.meta as Plain, path, undefined);
    },
  };
}

/** Renames a site, and every context or stakeholder node that names it follows. */
export function renameSite(index: number, newId: string): Command {
  return {
    label: 'Rename site',
    recipe: (draft) => {
      const site = draft.meta.community?.sites?.[index];
      if (!site || site.id === newId) return;
      const oldId = site.id;
      site.id = newId;
      for (const node of draft.nodes.values()) {
        if ((node.kind === 'context' || node.kind === 'stakeholder') && node.site === oldId) node.site = newId;
      }
    },
  };
}

export function updateMeta(changes: Partial<ModelMeta>, coalesce?: string): Command {
  return {
    label: `Edit ${Object.keys(changes).join(', ')}`,
    coalesce,
    recipe: (draft) => assign(draft.meta as Plain, changes as Plain),
  };
}

// --- Clipboard ---------------------------------------------------------------------------------

/** Nodes and edges copied out of a model; edges only when both ends are in the fragment. */
export interface Fragment {
  nodes: TocNode[];
  edges: TocEdge[];
}

export function copyFragment(doc: Doc, selection: Selection): Fragment {
  const nodes = [...doc.nodes.values()].filter((node) => selection.nodes.has(node.id));
  const ids = new Set(nodes.map((node) => node.id));
  const edges = [...doc.edges.values()].filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes, edges };
}

const FRAGMENT_MARK = 'tocFragment';

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ [FRAGMENT_MARK]: 1, nodes: fragment.nodes, edges: fragment.edges });
}

/** Reads a fragment from clipboard text; anything that is not a valid node or edge is left out. */
export function fragmentFromText(text: string): Fragment | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as Plain)[FRAGMENT_MARK] !== 1) return undefined;
  const list = (key: string) => (Array.isArray((value as Plain)[key]) ? ((value as Plain)[key] as unknown[]) : []);
  const nodes = list('nodes').flatMap((item) => {
    const parsed = NodeSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const ids = new Set(nodes.map((node) => node.id));
  const edges = list('edges').flatMap((item) => {
    const parsed = EdgeSchema.safeParse(item);
    return parsed.success && ids.has(parsed.data.source) && ids.has(parsed.data.target) ? [parsed.data] : [];
  });
  return nodes.length > 0 ? { nodes, edges } : undefined;
}

/**
 * Adds a copy of a fragment with fresh ids, shifted by `offset` (or placed with its top-left corner
 * at `at`); the copies become the selection.
 */
export function pasteFragment(doc: Doc, fragment: Fragment, placement: { offset: XY } | { at: XY }, label = 'Paste'): Command {
  const ids = new IdAllocator(doc);
  const nodeIds = new Map(fragment.nodes.map((node) => [node.id, ids.node(node.kind)]));
  const edgeIds = new Map(fragment.edges.map((edge) => [edge.id, ids.edge()]));
  const positioned = fragment.nodes.flatMap((node) => (node.position ? [node.position] : []));
  const origin = positioned.length > 0
    ? { x: Math.min(...positioned.map((p) => p.x)), y: Math.min(...positioned.map((p) => p.y)) }
    : { x: 0, y: 0 };
  const shift = 'offset' in placement ? placement.offset : { x: placement.at.x - origin.x, y: placement.at.y - origin.y };
  const nodes = fragment.nodes.map((node, i) => {
    const position = node.position ?? { x: origin.x + 30 * i, y: origin.y + 30 * i };
    return { ...structuredClone(node), id: nodeIds.get(node.id)!, position: roundXY({ x: position.x + shift.x, y: position.y + shift.y }) };
  });
  const edges = fragment.edges.map((edge) => {
    const copy = { ...structuredClone(edge), id: edgeIds.get(edge.id)!, source: nodeIds.get(edge.source)!, target: nodeIds.get(edge.target)! };
    if (copy.kind === 'underpins' && copy.edge !== undefined) {
      const about = edgeIds.get(copy.edge);
      if (about) copy.edge = about;
      else delete copy.edge;
    }
    return copy as TocEdge;
  });
  return {
    label,
    recipe: (draft) => {
      for (const node of nodes) draft.nodes.set(node.id, node as TocNode);
      for (const edge of edges) draft.edges.set(edge.id, edge);
    },
    select: selectionOf(nodes.map((node) => node.id), edges.map((edge) => edge.id)),
  };
}

export const DUPLICATE_OFFSET: XY = { x: 40, y: 40 };

export function duplicateSelection(doc: Doc, selection: Selection): Command {
  return pasteFragment(doc, copyFragment(doc, selection), { offset: DUPLICATE_OFFSET }, 'Duplicate');
}

// --- helpers -------------------------------------------------------------------------------------

function roundXY({ x, y }: XY): XY {
  return { x: Math.round(x) + 0, y: Math.round(y) + 0 };
}

function assign(target: Plain, changes: Plain): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key];
    else if (target[key] !== value) target[key] = value;
  }
}

/** A node or edge turned into another kind: attributes the new kind does not accept are dropped. */
function convert(item: Plain, kind: string, shape: Record<string, { safeParse(v: unknown): { success: boolean } }>): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'kind') out.kind = kind;
    else if (key in shape && shape[key]!.safeParse(value).success) out[key] = value;
  }
  out.kind = kind;
  return out;
}

function getIn(root: Plain, path: MetaPath): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Plain)[key as string];
  }
  return value;
}

function setIn(root: Plain, path: MetaPath, value: unknown): void {
  const parents: { container: Plain | unknown[]; key: string | number }[] = [];
  let container: Plain | unknown[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = (container as Plain)[key as string];
    if (typeof next !== 'object' || next === null) {
      if (value === undefined) return;
      next = typeof path[i + 1] === 'number' ? [] : {};
      (container as Plain)[key as string] = next;
    }
    parents.push({ container, key });
    container = next as Plain | unknown[];
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(container)) return;
    delete (container as Plain)[last as string];
    // Remove objects the removal left empty, so the file carries no `"community": {}`.
    for (let i = parents.length - 1; i >= 0; i--) {
      const { container: parent, key } = parents[i]!;
      const child = (parent as Plain)[key as string];
      if (Array.isArray(child) || Object.keys(child as Plain).length > 0) break;
      if (Array.isArray(parent)) break;
      delete (parent as Plain)[key as string];
    }
  } else if ((container as Plain)[last as string] !== value) {
    (container as Plain)[last as string] = value;
  }
}
