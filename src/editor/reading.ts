// Reading a big model: highlight a pathway, show the causal spine only, filter by kind or by
// finding, collapse nodes into groups. All of it is view state (UiState.reading): the model, its
// history and its "unsaved" status never change. Groups are not saved with the file: the format's
// `view` object is part of the model, so writing them there would make reading an edit.
import type { Finding, Lesson, Severity } from '../lint/types';
import { GraphIndex, type NodeKind } from '../model';
import { aroundMarked, causalSpine, collapse, induced, pathway, type Collapsed, type Pathway, type SubGraph } from '../model/pathways';
import type { EditorController } from './controller';
import { modelFromDoc, selectionOf, type Doc, type Selection } from './doc';

export interface ReadingGroup {
  /** Not a possible node id ('#' is not allowed in ids), so it never clashes with one. */
  id: string;
  name: string;
  members: readonly string[];
}

export interface FindingFilter {
  /** A lesson, null for the structural and approach-fit rules, 'any' for every finding. */
  lesson: Lesson | null | 'any';
  severity: Severity | 'any';
}

export interface ReadingState {
  /** The nodes whose pathway is highlighted. */
  focus: readonly string[] | null;
  spineOnly: boolean;
  /** The kinds shown; null shows every kind. */
  kinds: ReadonlySet<NodeKind> | null;
  findings: FindingFilter | null;
  groups: readonly ReadingGroup[];
  /** The form naming a new group is open. */
  naming: boolean;
}

export const EMPTY_READING: ReadingState = { focus: null, spineOnly: false, kinds: null, findings: null, groups: [], naming: false };

export function isReadingActive(state: ReadingState): boolean {
  return state.focus !== null || state.spineOnly || state.kinds !== null || state.findings !== null || state.groups.length > 0;
}

export interface Emphasis {
  focus: ReadonlySet<string>;
  path: Pathway;
}

/** What the canvas shows: the result of the reading state on one document and its findings. */
export interface ReadingView {
  /** Nodes and links that pass every filter; null when nothing is filtered. */
  visible: SubGraph | null;
  collapsed: Collapsed;
  /** The groups with at least one visible member, with how many of their members are visible. */
  groups: { group: ReadingGroup; shown: number }[];
  emphasis: Emphasis | null;
  /** Nodes that pass the filters (those inside a collapsed group included) and all nodes. */
  shownNodes: number;
  totalNodes: number;
}

const graphs = new WeakMap<Doc, GraphIndex>();
function graphOf(doc: Doc): GraphIndex {
  let graph = graphs.get(doc);
  if (!graph) graphs.set(doc, (graph = new GraphIndex(modelFromDoc(doc))));
  return graph;
}

export function findingMatches(finding: Finding, filter: FindingFilter): boolean {
  return !finding.suppressed && (filter.lesson === 'any' || finding.lesson === filter.lesson) && (filter.severity === 'any' || finding.severity === filter.severity);
}

function intersect(parts: SubGraph[]): SubGraph | null {
  if (parts.length === 0) return null;
  const [first, ...rest] = parts;
  const within = (set: Set<string>, pick: (part: SubGraph) => Set<string>) => new Set([...set].filter((id) => rest.every((part) => pick(part).has(id))));
  return { nodes: within(first!.nodes, (p) => p.nodes), edges: within(first!.edges, (p) => p.edges) };
}

export function computeReadingView(doc: Doc, findings: readonly Finding[], state: ReadingState): ReadingView {
  const graph = graphOf(doc);
  const filters: SubGraph[] = [];
  if (state.spineOnly) filters.push(causalSpine(graph));
  const kinds = state.kinds;
  if (kinds) filters.push(induced(graph, (node) => kinds.has(node.kind)));
  const filter = state.findings;
  if (filter) {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const finding of findings) {
      if (!findingMatches(finding, filter)) continue;
      if (finding.nodeId) nodes.add(finding.nodeId);
      if (finding.edgeId) edges.add(finding.edgeId);
    }
    filters.push(aroundMarked(graph, nodes, edges));
  }
  const visible = intersect(filters);
  const collapsed = collapse(graph, state.groups, visible?.edges);
  const groups: ReadingView['groups'] = [];
  for (const group of state.groups) {
    let shown = 0;
    for (const id of group.members) if (collapsed.owner.get(id) === group.id && (!visible || visible.nodes.has(id))) shown++;
    if (shown > 0) groups.push({ group, shown });
  }
  const focus = state.focus?.filter((id) => doc.nodes.has(id));
  return {
    visible,
    collapsed,
    groups,
    emphasis: focus && focus.length > 0 ? { focus: new Set(focus), path: pathway(graph, focus) } : null,
    shownNodes: visible ? visible.nodes.size : doc.nodes.size,
    totalNodes: doc.nodes.size,
  };
}

let last: { doc: Doc; findings: readonly Finding[]; state: ReadingState; view: ReadingView | null } | undefined;
/** The view (null: none), computed once per change of its inputs, however many readers ask. */
export function readingView(doc: Doc, findings: readonly Finding[], state: ReadingState): ReadingView | null {
  if (last?.doc !== doc || last.findings !== findings || last.state !== state) {
    last = { doc, findings, state, view: isReadingActive(state) ? computeReadingView(doc, findings, state) : null };
  }
  return last.view;
}

export function currentReadingView(controller: EditorController): ReadingView | null {
  const { doc, findings } = controller.store.getState();
  return readingView(doc, findings, controller.ui.getState().reading);
}

/** Whether a node or link is drawn as itself (not filtered out, not inside a collapsed group). */
export function isShown(view: ReadingView | null, id: string): boolean {
  if (!view) return true;
  if (view.visible && !view.visible.nodes.has(id) && !view.visible.edges.has(id)) return false;
  return !view.collapsed.owner.has(id) && !view.collapsed.hidden.has(id);
}

/** The part of a selection that is drawn: a command never acts on what the reader cannot see. */
export function shownSelection(controller: EditorController, selection: Selection): Selection {
  const view = currentReadingView(controller);
  if (!view) return selection;
  return selectionOf(
    [...selection.nodes].filter((id) => isShown(view, id)),
    [...selection.edges].filter((id) => isShown(view, id)),
  );
}

export function setReading(controller: EditorController, change: Partial<ReadingState>): void {
  controller.ui.set((s) => ({ reading: { ...s.reading, ...change } }));
  controller.store.setSelection(shownSelection(controller, controller.store.getState().selection));
}

/** Highlights the pathway of the selected nodes; again on the same nodes turns it off. */
export function togglePathway(controller: EditorController, ids = [...controller.store.getState().selection.nodes]): void {
  const { focus } = controller.ui.getState().reading;
  const same = focus !== null && focus.length === ids.length && ids.every((id) => focus.includes(id));
  setReading(controller, { focus: same || ids.length === 0 ? null : ids });
}

let groupCount = 0;
export function collapseSelection(controller: EditorController, name: string): void {
  const members = [...controller.store.getState().selection.nodes];
  if (members.length < 2) return;
  const group: ReadingGroup = { id: `group#${++groupCount}`, name: name.trim() || `Group of ${members.length} nodes`, members };
  setReading(controller, { groups: [...controller.ui.getState().reading.groups, group], naming: false });
}

export function expandGroup(controller: EditorController, id: string): void {
  const { groups } = controller.ui.getState().reading;
  const group = groups.find((g) => g.id === id);
  if (!group) return;
  setReading(controller, { groups: groups.filter((g) => g !== group) });
  // The members come back selected, so the reader sees which they were.
  controller.store.setSelection(selectionOf(group.members.filter((member) => controller.store.getState().doc.nodes.has(member))));
}

export function clearReading(controller: EditorController): void {
  controller.ui.set({ reading: EMPTY_READING });
}
