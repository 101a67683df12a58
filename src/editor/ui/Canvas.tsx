// The canvas: React Flow as a view of the model in the store. Nodes and edges are derived from the
// document (reusing the previous object when nothing about a node changed, so React Flow's memoised
// wrappers skip it); drags are previewed in view state and written to the model once, on drag stop.
import {
  Controls,
  Position,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type NodeHandle,
  type NodeTypes,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { arrowMarker } from './EdgeMarkers';
import { Overview } from './Overview';
import { RoutedEdge, type FlowEdge } from './RoutedEdge';
import { EDGE_KINDS, edgeKindsBetween, NODE_KINDS, type EdgeKind, type NodeKind, type TocEdge, type TocNode } from '../../model';
import { stageColumns, type PlacedNode, type StageColumn } from '../../render/geometry';
import { COLUMN, columnX, EDGE_STYLES, FONTS, NODE_STYLES, SEVERITY_ORDER, STAGES } from '../../render/theme';
import type { EdgeRoute } from '../../layout';
import { moveNodes } from '../commands';
import { validRoutes } from '../layout-bridge';
import { EDGE_VERBS, thirdPerson } from '../connect';
import type { XY } from '../doc';
import { humanise } from '../fields';
import { isTypingTarget } from '../shortcuts';
import { useController, useEditor, useUi } from './context';
import { forgetDrawnExcept, layoutOf } from '../drawn';
import { nodeNameId, NodeView, type Badge, type FlowNode } from './NodeView';
import { GROUP_TYPE, GroupNode, ReadingNotice, useReadingView } from './ReadingView';

export const PALETTE_MIME = 'application/x-toc-kind';

// Prefixed: React Flow styles its own built-in "input" and "output" types, which our kinds share a name with.
const flowType = (kind: NodeKind) => `toc-${kind}`;
const nodeTypes: NodeTypes = { ...Object.fromEntries(NODE_KINDS.map((kind) => [flowType(kind), NodeView])), [GROUP_TYPE]: GroupNode };

/** Worst severity and count of the open findings on each node. */
function useBadges(): ReadonlyMap<string, Badge> {
  const findings = useEditor((s) => s.findings);
  return useMemo(() => {
    const badges = new Map<string, Badge>();
    for (const finding of findings) {
      if (!finding.nodeId || finding.suppressed) continue;
      const badge = badges.get(finding.nodeId);
      if (!badge) badges.set(finding.nodeId, { severity: finding.severity, count: 1 });
      else {
        badge.count++;
        if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[badge.severity]) badge.severity = finding.severity;
      }
    }
    return badges;
  }, [findings]);
}

/** React Flow's box of a node whose size comes from the text layout (styles.css contains its layout). */
const SIZED_NODE = 'toc-sized-node';

const HANDLE = 10;
const handleCache = new Map<string, NodeHandle[]>();
/** Where NodeView's two handles are (centred on the left and right edges, as React Flow's CSS puts them). */
function handlesOf(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let handles = handleCache.get(key);
  if (!handles) {
    const y = height / 2 - HANDLE / 2;
    handles = [
      { id: null, type: 'target', position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE },
      { id: null, type: 'source', position: Position.Right, x: width - HANDLE / 2, y, width: HANDLE, height: HANDLE },
    ];
    handleCache.set(key, handles);
  }
  return handles;
}

const ORIGIN = { x: 0, y: 0 };
const NO_EDGES: FlowEdge[] = [];
/**
 * How many nodes React Flow is told to move in one frame. Moving all 2,000 at once (Tidy layout,
 * its undo) re-renders every node and link in one task of over a second; in steps of this many,
 * from the frame after the model changed, the nodes glide into place, the links left out until all
 * are there (useReturningLinks). A big model draws only what is in view, so its nodes that stay
 * out of sight are not counted: they all move in the first step (Tidy at 2,000 nodes: 1.5 s of
 * frames → 0.7 s).
 */
const MOVES_PER_FRAME = 100;

/** How many nodes `moved` says moved, counting no further than one past MOVES_PER_FRAME. */
function countMoves(nodes: ReadonlyMap<string, TocNode>, moved: (node: TocNode) => unknown): number {
  let count = 0;
  for (const node of nodes.values()) if (moved(node) && ++count > MOVES_PER_FRAME) break;
  return count;
}

interface Sight {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The model area React Flow may draw soon: the view, in model coordinates, and half a view around it. Null before the canvas has a size. */
function sightOf({ transform: [x, y, zoom], width, height }: { transform: [number, number, number]; width: number; height: number }): Sight | null {
  if (width === 0 || height === 0) return null;
  const [w, h] = [width / zoom, height / zoom];
  const [left, top] = [-x / zoom - w / 2, -y / zoom - h / 2];
  return { left, top, right: left + 2 * w, bottom: top + 2 * h };
}

const inSight = (sight: Sight, at: XY, width: number, height: number) =>
  at.x < sight.right && at.x + width > sight.left && at.y < sight.bottom && at.y + height > sight.top;

/**
 * React Flow's nodes. A node's label and attributes are not in here: NodeView reads them from the
 * store itself, so typing in a label re-renders that one node and React Flow sees no change at all.
 * A node object is rebuilt only when its position, selection, size, kind or badge changes, and the
 * array keeps its identity when no node was rebuilt. While a label is being typed (it differs from
 * its settled label), React Flow keeps the node's previous size: NodeView already draws the new
 * one, and telling React Flow on each wrap to a new line re-indexes every node and link (60 ms at
 * 2,000 nodes); only where the links meet that node lags until the pause. When many nodes move at
 * once, React Flow gets MOVES_PER_FRAME of them a frame (`cull`: those out of sight all at once),
 * and `catchingUp` says some are yet to move.
 */
function useFlowNodes(settledLabels: ReadonlyMap<string, string>, cull: boolean): { nodes: FlowNode[]; catchingUp: boolean } {
  const nodes = useEditor((s) => s.doc.nodes);
  const session = useEditor((s) => s.session);
  const selected = useEditor((s) => s.selection.nodes);
  const drag = useEditor((s) => s.drag);
  const badges = useBadges();
  const flowStore = useFlowStoreApi<FlowNode>();
  const [catchUpFrame, setCatchUpFrame] = useState(0);
  const cache = useRef<{ list: FlowNode[]; byId: Map<string, FlowNode>; session: number; catchingUp: boolean }>({ list: [], byId: new Map(), session, catchingUp: false });
  const result = useMemo(() => {
    const previous = cache.current;
    const sameDocument = previous.session === session;
    const byId = new Map<string, FlowNode>();
    const list: FlowNode[] = [];
    let changed = nodes.size !== previous.list.length;
    const target = (node: TocNode) => drag?.get(node.id) ?? node.position ?? ORIGIN;
    const movedFrom = (node: TocNode, old: FlowNode | undefined, position: XY) =>
      sameDocument && old && !drag?.has(node.id) && (old.position.x !== position.x || old.position.y !== position.y);
    let moves = MOVES_PER_FRAME;
    // A new wave of many moves (the model has just changed, in a task that was long already) starts
    // in the next frame.
    const startingWave = !previous.catchingUp && countMoves(nodes, (node) => movedFrom(node, previous.byId.get(node.id), target(node))) > MOVES_PER_FRAME;
    // Culled, a node that is out of sight before and after its move is not drawn: it moves at once.
    const sight = cull && !startingWave ? sightOf(flowStore.getState()) : null;
    let catchingUp = false;
    for (const node of nodes.values()) {
      const isSelected = selected.has(node.id);
      const badge = badges.get(node.id);
      const type = flowType(node.kind);
      const old = previous.byId.get(node.id);
      const typing = old?.type === type && settledLabels.has(node.id) && settledLabels.get(node.id) !== node.label;
      const { width, height } = typing ? { width: old.width!, height: old.height! } : layoutOf(node);
      let position = target(node);
      if (movedFrom(node, old, position)) {
        const unseen = sight && !inSight(sight, old!.position, old!.width!, old!.height!) && !inSight(sight, position, width, height);
        if (startingWave || (!unseen && moves === 0)) {
          position = old!.position;
          catchingUp = true;
        } else if (!unseen) moves--;
      }
      let flowNode: FlowNode;
      if (
        old &&
        old.type === type &&
        old.selected === isSelected &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.width === width &&
        old.height === height &&
        old.data.badge?.severity === badge?.severity &&
        old.data.badge?.count === badge?.count
      ) {
        flowNode = old;
      } else {
        flowNode = {
          id: node.id,
          type,
          position,
          data: old && old.data.badge?.severity === badge?.severity && old.data.badge?.count === badge?.count ? old.data : { badge },
          selected: isSelected,
          width,
          height,
          // Sizes and handle places are known from the text layout, so React Flow needs no measuring pass.
          measured: { width, height },
          handles: handlesOf(width, height),
          className: SIZED_NODE,
          domAttributes: old?.domAttributes ?? { 'aria-labelledby': nodeNameId(node.id) },
        };
      }
      if (flowNode !== previous.list[list.length]) changed = true;
      byId.set(node.id, flowNode);
      list.push(flowNode);
    }
    const next = { list: changed ? list : previous.list, byId: changed ? byId : previous.byId, session, catchingUp };
    cache.current = next;
    return { nodes: next.list, catchingUp };
    // catchUpFrame: the next frame moves the next nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, session, selected, drag, badges, settledLabels, cull, flowStore, catchUpFrame]);
  useEffect(() => {
    if (!result.catchingUp) return;
    const frame = requestAnimationFrame(() => setCatchUpFrame((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [result]);
  return result;
}

/**
 * Node labels as of the last pause in typing, for the links' accessible names and the nodes' sizes
 * that React Flow knows: a burst of typing in a label must not make React Flow re-process every
 * node and link on every key. A large model waits for a longer pause (1.4 s at 2,000 nodes), as
 * re-processing its links takes longer than a frame.
 */
function useSettledLabels(): ReadonlyMap<string, string> {
  const nodes = useEditor((s) => s.doc.nodes);
  const session = useEditor((s) => s.session);
  const read = () => new Map([...nodes.values()].map((n) => [n.id, n.label]));
  const [settled, setSettled] = useState(() => ({ session, labels: read() }));
  // Another document (opened, restored, new) is settled at once: its labels were not typed.
  if (settled.session !== session) setSettled({ session, labels: read() });
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled((current) => {
        const next = read();
        if (next.size === current.labels.size && [...next].every(([id, label]) => current.labels.get(id) === label)) return current;
        return { session: current.session, labels: next };
      });
    }, 400 + nodes.size / 2);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes]);
  return settled.labels;
}

const NO_ROUTES: ReadonlyMap<string, EdgeRoute> = new Map();

/**
 * The last layout's routes that are still valid, checked on each change of the document while
 * there are any (validity is derived: see layout-bridge.ts). The map keeps its identity while no
 * edge's route changed, so typing in a label rebuilds no link. A node's routes last until its
 * typed label settles, with the size React Flow knows (after a Tidy at 2,000 nodes, dropping them
 * on the first key made that key 60–90 ms).
 */
function useRoutes(settledLabels: ReadonlyMap<string, string>): ReadonlyMap<string, EdgeRoute> {
  const snapshot = useUi((s) => s.routes);
  const doc = useEditor((s) => (snapshot ? s.doc : null));
  const drag = useEditor((s) => (snapshot ? s.drag : null));
  const previous = useRef(NO_ROUTES);
  return useMemo(() => {
    if (!snapshot || !doc) return (previous.current = NO_ROUTES);
    const next = validRoutes(snapshot, doc, { moving: drag, sizedLabels: settledLabels });
    const old = previous.current;
    if (next.size === old.size && [...next].every(([id, route]) => old.get(id) === route)) return old;
    return (previous.current = next);
  }, [snapshot, doc, drag, settledLabels]);
}

const EDGE_LOOKS = Object.fromEntries(
  EDGE_KINDS.map((kind) => {
    const style = EDGE_STYLES[kind];
    return [
      kind,
      {
        style: { stroke: style.stroke, strokeWidth: style.width, strokeDasharray: style.dash, strokeLinecap: style.lineCap },
        markerEnd: arrowMarker(kind),
      },
    ];
  }),
) as Record<EdgeKind, Pick<Edge, 'style' | 'markerEnd'>>;

const EDGE_TYPES = { routed: RoutedEdge };

const EDGE_LABEL_STYLE = { fontSize: FONTS.small.size, fontWeight: FONTS.small.weight, fill: '#333333' };
const EDGE_LABEL_BG = { fill: '#FFFFFF', fillOpacity: 0.92 };

function edgeLabel(edge: TocEdge): string | undefined {
  const parts = [edge.label, edge.kind === 'feeds-back' && edge.format ? humanise(edge.format) : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function useFlowEdges(labels: ReadonlyMap<string, string>): FlowEdge[] {
  const { store } = useController();
  const edges = useEditor((s) => s.doc.edges);
  const routes = useRoutes(labels);
  const selected = useEditor((s) => s.selection.edges);
  const cache = useRef<{ list: FlowEdge[]; byId: Map<string, { edge: TocEdge; selected: boolean; from: string; to: string; flow: FlowEdge }> }>({ list: [], byId: new Map() });
  return useMemo(() => {
    const previous = cache.current;
    const byId: typeof previous.byId = new Map();
    const list: FlowEdge[] = [];
    let changed = edges.size !== previous.list.length;
    // Only the settled labels of the ends go into the accessible names (a node too new to have one
    // is read from the document once): typing in a label must not make React Flow re-process links.
    const nodes = store.getState().doc.nodes;
    for (const edge of edges.values()) {
      const isSelected = selected.has(edge.id);
      const from = labels.get(edge.source) ?? nodes.get(edge.source)?.label ?? edge.source;
      const to = labels.get(edge.target) ?? nodes.get(edge.target)?.label ?? edge.target;
      const route = routes.get(edge.id);
      const old = previous.byId.get(edge.id);
      let flow: FlowEdge;
      const same = old && old.edge === edge && old.selected === isSelected && old.from === from && old.to === to;
      if (same && old.flow.data?.route === route) {
        flow = old.flow;
      } else if (same) {
        // Only the route changed (a layout): 4,000 of these in one task, so no new names.
        flow = { ...old.flow, data: { route } };
      } else {
        const label = edgeLabel(edge);
        flow = {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          selected: isSelected,
          ...EDGE_LOOKS[edge.kind],
          ...(label ? { label, labelStyle: EDGE_LABEL_STYLE, labelBgStyle: EDGE_LABEL_BG, labelBgPadding: [4, 2] as [number, number] } : {}),
          type: 'routed',
          data: { route },
          className: `toc-edge toc-edge--${edge.kind}`,
          ariaLabel: `Link: “${from}” ${thirdPerson(EDGE_VERBS[edge.kind])} “${to}”`,
        };
      }
      if (flow !== previous.list[list.length]) changed = true;
      byId.set(edge.id, { edge, selected: isSelected, from, to, flow });
      list.push(flow);
    }
    if (!changed) return previous.list;
    cache.current = { list, byId };
    return list;
  }, [store, edges, labels, routes, selected]);
}

/** How many links come back a frame once many moved nodes are in place. */
const LINKS_PER_FRAME = 1_000;

/**
 * The links to draw. While `held` (a layout is about to land, or many nodes move into place) there
 * are none: links stretching between moving nodes cross the view and are mounted, moved and dropped
 * each frame (bench/editor.ts: applying Tidy at 2,000 nodes took 2.8–3.2 s of main thread with
 * them, 2.1 s without). They come back, routed, LINKS_PER_FRAME a frame: mounting every link in
 * view at once took a 300 ms frame.
 */
function useReturningLinks(edges: FlowEdge[], held: boolean): FlowEdge[] {
  const [returned, setReturned] = useState(Infinity);
  if (held && returned !== 0) setReturned(0);
  // All back: links added later are drawn at once.
  if (!held && returned !== Infinity && returned >= edges.length) setReturned(Infinity);
  const returning = !held && returned < edges.length;
  useEffect(() => {
    if (!returning) return;
    const frame = requestAnimationFrame(() => setReturned(returned + LINKS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [returning, returned]);
  if (held) return NO_EDGES;
  return returning ? edges.slice(0, returned) : edges;
}

const HEADER_STYLE = {
  background: COLUMN.headerFill,
  color: COLUMN.headerText,
  fontSize: FONTS.columnHeader.size,
  fontWeight: FONTS.columnHeader.weight,
  letterSpacing: FONTS.columnHeader.letterSpacing,
} as const;

/** The stage columns around the spine nodes, as the SVG export draws them; all eight as guides on an empty canvas. */
function useStageColumns(): readonly StageColumn[] {
  const nodes = useEditor((s) => s.doc.nodes);
  return useMemo(() => {
    const boxes: PlacedNode[] = [];
    for (const node of nodes.values()) {
      if (!node.position) continue;
      const layout = layoutOf(node);
      boxes.push({ node, layout, x: node.position.x, y: node.position.y, width: layout.width, height: layout.height });
    }
    const columns = stageColumns(boxes);
    return columns.length > 0 ? columns : STAGES.map((stage, i) => ({ id: stage.id, header: stage.header, x: columnX(i), width: COLUMN.width }));
  }, [nodes]);
}

/** Below this zoom dashes are too small to tell apart, and drawing them without a GPU costs most of
 * each frame while panning or zooming a large model (bench/editor.ts): edges are drawn solid. */
const FAR_ZOOM = 0.45;

/**
 * From this many nodes React Flow draws only the nodes and links in view. Chromium repaints and
 * re-layerizes the whole canvas on any change, at a cost that grows with every node and link drawn
 * (bench/editor.ts: a key typed at 2,000 nodes took 35–45 ms with all drawn, 20–25 ms culled).
 * Smaller models keep every node in the page, so Tab reaches each one without panning first.
 */
const CULL_FROM_NODES = 1_000;

/** Stage columns drawn behind the nodes, with quiet headers that stay at the top of the view. */
const StageColumns = memo(function StageColumns() {
  const columns = useStageColumns();
  const [x, , zoom] = useFlowStore((s) => s.transform);
  return (
    <div className="stage-columns react-flow__container" aria-hidden="true">
      {columns.map((column) => (
        <div key={column.id} className="stage-column" style={{ left: x + column.x * zoom, width: column.width * zoom, background: COLUMN.fill }}>
          <div className="stage-column__header" style={HEADER_STYLE}>
            {column.header}
          </div>
        </div>
      ))}
    </div>
  );
});

function clientPoint(event: MouseEvent | TouchEvent): XY {
  if ('changedTouches' in event && event.changedTouches.length > 0) {
    const touch = event.changedTouches[0]!;
    return { x: touch.clientX, y: touch.clientY };
  }
  const mouse = event as MouseEvent;
  return { x: mouse.clientX, y: mouse.clientY };
}

function nodeIdAt(point: XY): string | undefined {
  for (const element of document.elementsFromPoint(point.x, point.y)) {
    const node = element.closest('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id) return id;
  }
  return undefined;
}

// Props of <ReactFlow> kept at module level: a new object on every render would be a store update
// inside React Flow, re-running every node's and edge's selectors.
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const FIT_VIEW = { padding: 0.08, maxZoom: 1 };
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to select a node; arrow keys then move it. Alt with an arrow key selects the nearest node in that direction; Delete removes the selection.',
};

const overviewColour = (node: FlowNode) => NODE_STYLES[(node.type ?? '').slice('toc-'.length) as NodeKind]?.swatch ?? '#999999';

export function Canvas() {
  const controller = useController();
  const { store } = controller;
  const flow = useReactFlow();
  const zoomedOut = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const cull = useEditor((s) => s.doc.nodes.size >= CULL_FROM_NODES);
  const settledLabels = useSettledLabels();
  const { nodes, catchingUp } = useFlowNodes(settledLabels, cull);
  const layoutArriving = useUi((s) => s.layoutRun?.state === 'applying');
  const edges = useReturningLinks(useFlowEdges(settledLabels), catchingUp || layoutArriving);
  // Highlight, filters and collapsed groups (ReadingView.tsx), applied here and nowhere else.
  const shown = useReadingView(nodes, edges);
  const session = useEditor((s) => s.session);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    controller.flow = flow;
    controller.canvasElement = wrapper.current;
  }, [controller, flow]);

  // A different document (opened, restored, new): show all of it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (store.getState().doc.nodes.size === 0) void flow.setViewport({ x: 40, y: 40, zoom: 1 });
      else void flow.fitView(FIT_VIEW);
    });
    return () => cancelAnimationFrame(frame);
  }, [session, flow, store]);

  // Another document: the last one's drawn nodes are no longer needed.
  useEffect(() => forgetDrawnExcept(store.getState().doc.nodes), [session, store]);

  // Pressing on the canvas ends typing in a side panel, so the editor's keys work again at once.
  const onPointerDownCapture = useCallback(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && isTypingTarget(active) && !wrapper.current?.contains(active)) active.blur();
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      let nodesSelected: Set<string> | undefined;
      let drag: Map<string, XY> | undefined;
      const dropped = new Map<string, XY>();
      const nudged = new Map<string, XY>();
      for (const change of changes) {
        if (change.type === 'select') {
          nodesSelected ??= new Set(state.selection.nodes);
          if (change.selected) nodesSelected.add(change.id);
          else nodesSelected.delete(change.id);
        } else if (change.type === 'position' && change.position) {
          if (change.dragging) {
            drag ??= new Map(state.drag ?? []);
            drag.set(change.id, change.position);
          } else if (state.drag?.has(change.id)) {
            dropped.set(change.id, change.position);
          } else {
            nudged.set(change.id, change.position);
          }
        }
      }
      if (nodesSelected) store.setSelection({ nodes: nodesSelected, edges: state.selection.edges });
      if (drag) store.setDrag(drag);
      if (dropped.size > 0) {
        // The whole drag is one undo step, written when the pointer is released.
        const rest = new Map(store.getState().drag ?? []);
        for (const id of dropped.keys()) rest.delete(id);
        store.dispatch(moveNodes(dropped));
        store.setDrag(rest.size > 0 ? rest : null);
      }
      if (nudged.size > 0) store.dispatch(moveNodes(nudged, `nudge:${[...nudged.keys()].sort().join(',')}`));
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      let edgesSelected: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        edgesSelected ??= new Set(state.selection.edges);
        if (change.selected) edgesSelected.add(change.id);
        else edgesSelected.delete(change.id);
      }
      if (edgesSelected) store.setSelection({ nodes: state.selection.nodes, edges: edgesSelected });
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (!connection.fromNode) return;
      const point = clientPoint(event);
      const other = connection.toNode?.id ?? nodeIdAt(point);
      if (!other) return;
      // Dragged from a node's incoming handle: the node dropped on is the source.
      const fromTarget = connection.fromHandle?.type === 'target';
      const [source, target] = fromTarget ? [other, connection.fromNode.id] : [connection.fromNode.id, other];
      controller.connect(source, target, point);
    },
    [controller],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (connection) => {
      const { doc } = store.getState();
      const source = doc.nodes.get(connection.source);
      const target = doc.nodes.get(connection.target);
      return !!source && !!target && source !== target && edgeKindsBetween(source.kind, target.kind).length > 0;
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      event.preventDefault();
      controller.addNodeAt(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [controller, flow],
  );

  return (
    <div className={zoomedOut ? 'canvas canvas--far' : 'canvas'} ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onPointerDownCapture={onPointerDownCapture}>
      <ReactFlow<FlowNode>
        className={shown.className}
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT_VIEW}
        elevateEdgesOnSelect
        onlyRenderVisibleElements={cull}
        zIndexMode="basic"
        ariaLabelConfig={ARIA_LABELS}
      >
        <StageColumns />
        <ReadingNotice />
        <Overview colourOf={overviewColour} label="Overview of the whole model" />
        <Controls position="bottom-left" />
      </ReactFlow>
    </div>
  );
}
