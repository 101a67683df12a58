// Between the layout engine (src/layout) and the editor: the Tidy layout command and the routes the
// canvas may still draw. Pure (no DOM, no React), so tests/editor drives it directly.
// From the file itself, not the layout's index, which would pull ELK into the page's first download.
import { castDraft, original } from 'immer';
import { applyLayout } from '../layout/apply';
import type { Direction, EdgeRoute, LayoutResult, SpacingPreset, StageBand } from '../layout';
import type { Command } from './store';
import type { Doc, XY } from './doc';
import type { TocEdge, TocNode } from '../model';

export interface LayoutSettings {
  direction: Direction;
  spacing: SpacingPreset;
}

export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = { direction: 'LR', spacing: 'normal' };

/** The settings remembered in the model's free-form `view` object (`view.layout`), else the defaults. */
export function layoutSettingsOf(doc: Doc): LayoutSettings {
  const stored = (doc.meta.view as { layout?: Partial<LayoutSettings> } | undefined)?.layout;
  return {
    direction: stored?.direction === 'TB' ? 'TB' : 'LR',
    spacing: stored?.spacing === 'compact' || stored?.spacing === 'roomy' ? stored.spacing : 'normal',
  };
}

/**
 * The layout's positions (applyLayout: pinned nodes stay) and the settings used, as one command, so
 * one undo puts everything back. Null when nothing would change.
 */
export function tidyCommand(doc: Doc, result: Pick<LayoutResult, 'positions'>, settings: LayoutSettings): Command | null {
  const before = { nodes: [...doc.nodes.values()] };
  const after = applyLayout(before, result);
  const moved = new Map<string, XY>();
  if (after !== before) {
    after.nodes.forEach((node, i) => {
      if (node !== before.nodes[i] && node.position) moved.set(node.id, node.position);
    });
  }
  const current = layoutSettingsOf(doc);
  const settingsChanged = current.direction !== settings.direction || current.spacing !== settings.spacing || !(doc.meta.view as { layout?: unknown } | undefined)?.layout;
  if (moved.size === 0 && !settingsChanged) return null;
  return {
    label: 'Tidy layout',
    recipe: (draft) => {
      // New objects assigned from the original, with no draft of any part: one draft left open (of
      // the node map, or of meta) makes immer walk every node looking for drafts, 6 ms in Node at
      // 2,000 nodes (25 ms of the frame where Tidy lands, unminified); this takes 0.6 ms. Undo is a
      // patch each. Nodes that stay keep their objects.
      const base = original(draft)!;
      if (moved.size > 0) {
        const nodes = new Map(base.nodes);
        for (const [id, xy] of moved) {
          const node = nodes.get(id);
          if (node) nodes.set(id, { ...node, position: { x: xy.x, y: xy.y } });
        }
        draft.nodes = castDraft(nodes);
      }
      if (settingsChanged) draft.meta = castDraft({ ...base.meta, view: { ...(base.meta.view ?? {}), layout: { ...settings } } });
    },
  };
}

/**
 * The routes of the last layout with what they were drawn for: a route stays valid while its edge
 * (same ends) and both end nodes (same position and size-relevant label/kind) are as they were.
 */
export interface RouteSnapshot {
  routes: Record<string, EdgeRoute>;
  stages: { direction: Direction; bands: StageBand[] };
  /** Per routed edge, and per node at an end of one: the object as laid out. */
  edges: ReadonlyMap<string, TocEdge>;
  nodes: ReadonlyMap<string, TocNode>;
}

// The store's nodes and edges are immutable: the same object is unchanged, which is the answer for
// nearly all of the 4,000 links the canvas checks on each change of a big model.
const sameEnds = (now: TocEdge, then: TocEdge) => now === then || (now.source === then.source && now.target === then.target && now.kind === then.kind);
// `sizedLabel`: the label the node's box was last sized for, when that lags behind the document's.
const sameBox = (now: TocNode | undefined, then: TocNode, sizedLabel?: string) =>
  now === then ||
  (!!now && now.kind === then.kind && (sizedLabel ?? now.label) === then.label && now.position?.x === then.position?.x && now.position?.y === then.position?.y);

/** Records the routes against the document the layout was applied to. */
export function snapshotRoutes(doc: Doc, result: Pick<LayoutResult, 'routes' | 'stages' | 'direction'>): RouteSnapshot {
  const edges = new Map<string, TocEdge>();
  const nodes = new Map<string, TocNode>();
  for (const id of Object.keys(result.routes)) {
    const edge = doc.edges.get(id);
    const source = edge && doc.nodes.get(edge.source);
    const target = edge && doc.nodes.get(edge.target);
    if (!edge || !source || !target) continue;
    edges.set(id, edge);
    nodes.set(source.id, source).set(target.id, target);
  }
  return { routes: result.routes, stages: { direction: result.direction, bands: result.stages }, edges, nodes };
}

/** What the canvas draws besides the document: nodes being dragged, and the labels its boxes are sized for. */
export interface CanvasState {
  /** Nodes being dragged: their edges fall back at once. */
  moving?: { has(id: string): boolean } | null;
  /** Per node, the label its box was last sized for (a label being typed is sized at the pause). */
  sizedLabels?: ReadonlyMap<string, string>;
}

/**
 * The routes still valid for `doc` (undo, redo and moves are all covered because validity is
 * derived, not tracked), as the canvas draws it (`canvas`), else as the document says.
 */
export function validRoutes(snapshot: RouteSnapshot | null, doc: Doc, canvas: CanvasState = {}): Map<string, EdgeRoute> {
  const valid = new Map<string, EdgeRoute>();
  if (!snapshot) return valid;
  for (const id of snapshot.edges.keys()) {
    const route = routeFor(snapshot, doc, id, canvas);
    if (route) valid.set(id, route);
  }
  return valid;
}

/** One edge's route if still valid. */
export function routeFor(snapshot: RouteSnapshot | null, doc: Doc, id: string, { moving, sizedLabels }: CanvasState = {}): EdgeRoute | undefined {
  if (!snapshot) return undefined;
  const then = snapshot.edges.get(id);
  const edge = doc.edges.get(id);
  if (!then || !edge || !sameEnds(edge, then)) return undefined;
  if (moving?.has(edge.source) || moving?.has(edge.target)) return undefined;
  const sameEnd = (end: string) => sameBox(doc.nodes.get(end), snapshot.nodes.get(end)!, sizedLabels?.get(end));
  if (!sameEnd(edge.source) || !sameEnd(edge.target)) return undefined;
  return snapshot.routes[id];
}

/** Stage bands only describe the drawing while every node is still where the layout put it. */
export function validStages(snapshot: RouteSnapshot | null, doc: Doc): RouteSnapshot['stages'] | undefined {
  if (!snapshot) return undefined;
  for (const [id, node] of snapshot.nodes) if (!sameBox(doc.nodes.get(id), node)) return undefined;
  return snapshot.stages;
}
