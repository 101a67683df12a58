// Nodes as the canvas draws them. Pure (no React, no DOM), so tests/editor drives it directly.
import type { TocNode } from '../model';
import { nodeLayout, type NodeLayout } from '../render/text';

const drawnById = new Map<string, TocNode>();
/**
 * The node as it is drawn: the same object as last time while only its position changed, so moving
 * nodes (all 2,000 after Tidy layout) neither re-renders NodeView nor wraps a label again.
 */
export function drawnNode(node: TocNode): TocNode {
  const last = drawnById.get(node.id);
  if (last === node || (last && samePartsButPosition(last, node))) return last;
  drawnById.set(node.id, node);
  return node;
}

/** Forgets the drawn nodes whose ids `keep` lacks (another document was opened), so a long session holds one document's. */
export function forgetDrawnExcept(keep: { has(id: string): boolean }): void {
  for (const id of drawnById.keys()) if (!keep.has(id)) drawnById.delete(id);
}

function samePartsButPosition(a: TocNode, b: TocNode): boolean {
  const keysA = Object.keys(a) as (keyof TocNode)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => key === 'position' || a[key] === b[key]);
}

const layouts = new WeakMap<TocNode, NodeLayout>();
/** The text layout of a node, computed once per drawn node (nodes are immutable in the store). */
export function layoutOf(node: TocNode): NodeLayout {
  const drawn = drawnNode(node);
  let layout = layouts.get(drawn);
  if (!layout) layouts.set(drawn, (layout = nodeLayout(drawn)));
  return layout;
}
