// The reading view on the canvas (reading.ts): applied once, to the node and link arrays handed to
// React Flow. Without a view the arrays pass through untouched; with one, hidden items are left out
// (nothing to draw for 2,000 nodes behind a filter), classes dim or emphasise, and each collapsed
// group is drawn as one node with its links to the outside merged.
import { Handle, Panel, Position, type Edge, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { MergedEdge } from '../../model/pathways';
import type { Finding } from '../../lint/types';
import { clearReading, expandGroup, isReadingActive, isShown, readingView, type ReadingGroup, type ReadingView } from '../reading';
import { useController, useEditor, useUi } from './context';
import { nodeNameId, type FlowNode, type FlowNodeData } from './NodeView';

export const GROUP_TYPE = 'reading-group';
const GROUP_STYLE = { width: 220, minHeight: 84 };

type GroupData = FlowNodeData & { group: ReadingGroup; shown: number };

const NO_FINDINGS: readonly Finding[] = [];

/** The current view. Without one, the canvas does not re-render for edits on this hook's account. */
export function useReadingViewState(): ReadingView | null {
  const state = useUi((s) => s.reading);
  const active = isReadingActive(state);
  const doc = useEditor((s) => (active ? s.doc : null));
  const findings = useEditor((s) => (active && state.findings ? s.findings : NO_FINDINGS));
  return doc && readingView(doc, findings, state);
}

type Look = 'focus' | 'on' | 'aside' | 'dim' | '';
// Dimmed items get no class of their own: the canvas's class dims everything not emphasised, so a
// highlight rebuilds only the pathway's items for React Flow, not all 2,000.
const CLASSES: Record<Look, string> = { focus: 'reading-on reading-focus', on: 'reading-on', aside: 'reading-aside', dim: '', '': '' };
const RANK: Record<Look, number> = { focus: 3, on: 2, aside: 1, dim: 0, '': 0 };

function nodeLook(view: ReadingView, id: string): Look {
  const emphasis = view.emphasis;
  if (!emphasis) return '';
  if (emphasis.focus.has(id)) return 'focus';
  if (emphasis.path.nodes.has(id)) return 'on';
  return emphasis.path.satellites.nodes.has(id) ? 'aside' : 'dim';
}

function edgeLook(view: ReadingView, id: string): Look {
  const emphasis = view.emphasis;
  if (!emphasis) return '';
  if (emphasis.path.edges.has(id)) return 'on';
  return emphasis.path.satellites.edges.has(id) ? 'aside' : 'dim';
}

/** The strongest look among several (a group on the pathway is emphasised, as a whole). */
function strongest(looks: Iterable<Look>): Look {
  let best: Look = 'dim';
  for (const look of looks) if (RANK[look] > RANK[best]) best = look === 'focus' ? 'on' : look;
  return best;
}

// One derived object per input object and class, so React Flow sees unchanged items as unchanged.
const styled = new WeakMap<object, { className: string; item: object }>();
function withClass<T extends { className?: string }>(item: T, className: string): T {
  if (!className) return item;
  const cached = styled.get(item);
  if (cached?.className === className) return cached.item as T;
  const next = { ...item, className: item.className ? `${item.className} ${className}` : className };
  styled.set(item, { className, item: next });
  return next;
}

/** The items drawn as themselves, with their look, and every item by id (for groups and merged links). */
function shownItems<T extends { id: string; className?: string }>(view: ReadingView, items: readonly T[], look: (view: ReadingView, id: string) => Look) {
  const shown: T[] = [];
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.set(item.id, item);
    if (isShown(view, item.id)) shown.push(withClass(item, CLASSES[look(view, item.id)]));
  }
  return { shown, byId };
}

/** The nodes and links to draw, given the canvas's full arrays, and a class for the canvas. */
export function useReadingView(nodes: FlowNode[], edges: Edge[]): { nodes: FlowNode[]; edges: Edge[]; className: string | undefined } {
  const view = useReadingViewState();
  const docNodes = useEditor((s) => (view ? s.doc.nodes : null));
  return useMemo(() => {
    if (!view) return { nodes, edges, className: undefined };
    const flowNodes = shownItems(view, nodes, nodeLook);
    for (const { group, shown } of view.groups) flowNodes.shown.push(proxyNode(view, group, shown, flowNodes.byId));
    const flowEdges = shownItems(view, edges, edgeLook);
    const label = (id: string) => docNodes?.get(id)?.label ?? view.groups.find((g) => g.group.id === id)?.group.name ?? id;
    for (const merged of view.collapsed.merged) flowEdges.shown.push(mergedEdge(view, merged, flowEdges.byId, label));
    return { nodes: flowNodes.shown, edges: flowEdges.shown, className: view.emphasis ? 'reading-highlight' : undefined };
  }, [view, nodes, edges, docNodes]);
}

const proxies = new Map<string, { key: string; node: FlowNode }>();
function proxyNode(view: ReadingView, group: ReadingGroup, shown: number, byId: ReadonlyMap<string, FlowNode>): FlowNode {
  // In the place of its top-left member: that box is empty now, so the group covers no other node.
  let position: { x: number; y: number } | undefined;
  for (const id of group.members) {
    const member = byId.get(id);
    if (!member || view.collapsed.owner.get(id) !== group.id) continue;
    const { x, y } = member.position;
    if (!position || x < position.x || (x === position.x && y < position.y)) position = { x, y };
  }
  position ??= { x: 0, y: 0 };
  const className = ['reading-group-node', CLASSES[view.emphasis ? strongest(group.members.map((id) => nodeLook(view, id))) : '']].join(' ').trim();
  const key = `${position.x},${position.y},${shown},${className}`;
  const cached = proxies.get(group.id);
  if (cached?.key === key && (cached.node.data as GroupData).group === group) return cached.node;
  const data: GroupData = { badge: undefined, group, shown };
  const node: FlowNode = {
    id: group.id,
    type: GROUP_TYPE,
    position,
    data,
    className,
    // Not part of the model: it cannot be selected, dragged, linked or deleted, only expanded.
    selectable: false,
    draggable: false,
    connectable: false,
    deletable: false,
    domAttributes: { 'aria-labelledby': nodeNameId(group.id) },
  };
  proxies.set(group.id, { key, node });
  return node;
}

const NEUTRAL_LOOK = { style: { stroke: '#6b7580', strokeWidth: 2 } };

function mergedEdge(view: ReadingView, merged: MergedEdge, byId: ReadonlyMap<string, Edge>, label: (id: string) => string): Edge {
  const count = merged.edges.length;
  // Drawn like the links it stands for when they are all of one kind.
  const like = merged.kind ? byId.get(merged.edges[0]!) : undefined;
  const look = like ? { style: like.style, markerEnd: like.markerEnd } : NEUTRAL_LOOK;
  const className = ['toc-edge reading-merged', CLASSES[view.emphasis ? strongest(merged.edges.map((id) => edgeLook(view, id))) : '']].join(' ').trim();
  return {
    id: merged.id,
    source: merged.source,
    target: merged.target,
    ...look,
    ...(count > 1 ? { label: `${count} links` } : {}),
    className,
    selectable: false,
    deletable: false,
    ariaLabel: `${count === 1 ? 'Link' : `${count} links`} from “${label(merged.source)}” to “${label(merged.target)}”, drawn as one while a group is collapsed`,
  };
}

/** A collapsed group on the canvas: its name, how many nodes it holds, and Expand. */
export const GroupNode = memo(function GroupNode({ id, data }: NodeProps<FlowNode>) {
  const controller = useController();
  const { group, shown } = data as GroupData;
  const size = `${group.members.length} node${group.members.length === 1 ? '' : 's'}${shown < group.members.length ? `, ${shown} shown by the filter` : ''}`;
  return (
    // nopan: a double-click here expands the group rather than zooming the canvas.
    <div className="reading-group nopan" style={GROUP_STYLE} onDoubleClick={() => expandGroup(controller, id)}>
      <span id={nodeNameId(id)} className="sr-only">
        GROUP: {group.name}, {size}
      </span>
      <div className="reading-group__tag" aria-hidden="true">
        GROUP · {size}
      </div>
      <div className="reading-group__label" aria-hidden="true">
        {group.name}
      </div>
      <button type="button" className="reading-group__expand nodrag" aria-label={`Expand group “${group.name}”`} onClick={() => expandGroup(controller, id)}>
        Expand
      </button>
      <Handle type="target" position={Position.Left} className="toc-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="toc-handle" isConnectable={false} />
    </div>
  );
});

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What the view hides or stresses, in words, with one way back: nobody should think data are lost. */
export function ReadingNotice() {
  const controller = useController();
  const view = useReadingViewState();
  const focus = view?.emphasis ? [...view.emphasis.focus] : [];
  const focusLabel = useEditor((s) => (focus.length === 1 ? s.doc.nodes.get(focus[0]!)?.label : undefined));
  if (!view) return null;
  const parts: string[] = [];
  if (view.visible) parts.push(`Showing ${view.shownNodes.toLocaleString('en-GB')} of ${plural(view.totalNodes, 'node')}`);
  if (view.groups.length > 0) {
    const inside = view.groups.reduce((sum, g) => sum + g.shown, 0);
    parts.push(`${plural(inside, 'node')} in ${plural(view.groups.length, 'collapsed group')}`);
  }
  if (view.emphasis) {
    const name = focusLabel !== undefined ? `“${focusLabel}”` : plural(focus.length, 'node');
    parts.push(`Pathway of ${name}: ${plural(view.emphasis.path.nodes.size, 'node')} highlighted, others dimmed`);
  }
  return (
    <Panel position="top-center" className="reading-notice">
      <span role="status" aria-live="polite">
        {parts.join(' · ')}
      </span>{' '}
      <button type="button" aria-label="Clear the view and show the whole model" onClick={() => clearReading(controller)}>
        Clear
      </button>
    </Panel>
  );
}
