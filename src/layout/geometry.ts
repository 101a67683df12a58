// Geometry in the layout's own frame: u runs along the reading direction (x in LR, y in TB) and v
// across it. Every step works in (u, v); the result is transposed once at the end for TB, so the
// two directions cannot drift apart.
import type { TocNode } from '../model';
import { nodeSize } from '../render/text';
import type { Direction, Point, SpacingPreset } from './types';
import type { Block } from './structure';

export interface Spacing {
  /** Between blocks in one column. */
  nodeNode: number;
  /** Between columns (before edge lanes are added). */
  betweenLayers: number;
  /** Between a spine node and its satellites, and between satellites. */
  satelliteGap: number;
  edgeNode: number;
  edgeEdge: number;
  /** Distance between parallel lanes the layout routes itself. */
  lane: number;
  /** Room beside stacked satellites for their edges to reach the spine node. */
  gutter: number;
}

export const SPACING: Record<SpacingPreset, Spacing> = {
  compact: { nodeNode: 20, betweenLayers: 44, satelliteGap: 14, edgeNode: 10, edgeEdge: 6, lane: 4, gutter: 30 },
  normal: { nodeNode: 32, betweenLayers: 64, satelliteGap: 18, edgeNode: 14, edgeEdge: 10, lane: 5, gutter: 34 },
  roomy: { nodeNode: 48, betweenLayers: 96, satelliteGap: 24, edgeNode: 20, edgeEdge: 14, lane: 6, gutter: 40 },
};

/** A box in (u, v). */
export interface Box {
  u: number;
  v: number;
  us: number;
  vs: number;
}

export type Path = [number, number][];

export function sizeUV(node: TocNode, direction: Direction): { us: number; vs: number } {
  const { width, height } = nodeSize(node);
  return direction === 'LR' ? { us: width, vs: height } : { us: height, vs: width };
}

export const toXY = (u: number, v: number, direction: Direction): Point => (direction === 'LR' ? { x: u, y: v } : { x: v, y: u });

/** Middle of a box across the flow, where ports and stubs attach. */
export const midV = (box: Box) => box.v + Math.round(box.vs / 2);

/** A block's boxes relative to its own top-left corner, and the routes of the edges inside it. */
export interface BlockGeometry {
  block: Block;
  us: number;
  vs: number;
  boxes: Map<string, Box>;
  /** Routes of edges between the anchor and its satellites, relative to the block, by edge id. */
  inner: Map<string, Path>;
}

/** Edges of a block whose both ends are the anchor and one of its satellites. */
export interface InnerEdge {
  id: string;
  source: string;
  target: string;
}

const CORNER = 16; // lanes stay this far from the anchor's start, clear of cut shape corners

export function blockGeometry(block: Block, innerEdges: readonly InnerEdge[], spacing: Spacing, direction: Direction): BlockGeometry {
  const anchorSize = sizeUV(block.anchor, direction);
  const sizes = new Map([...block.before, ...block.after].map((n) => [n.id, sizeUV(n, direction)]));
  // A side with two or more satellites keeps a gutter before them, where the farther ones' edges
  // run to the anchor; the satellites then start just past the gutter.
  const gutterBefore = block.before.length >= 2;
  const gutterAfter = block.after.length >= 2;
  const maxOf = (list: TocNode[]) => Math.max(0, ...list.map((n) => sizes.get(n.id)!.us));
  let us = Math.max(anchorSize.us, maxOf(block.before), maxOf(block.after));
  if (gutterBefore) us = Math.max(us, maxOf(block.before) + spacing.gutter);
  if (gutterAfter) us = Math.max(us, maxOf(block.after) + spacing.gutter);
  const anchorU = gutterBefore || gutterAfter ? 0 : Math.round((us - anchorSize.us) / 2);
  const anchorCentre = anchorU + anchorSize.us / 2;

  const boxes = new Map<string, Box>();
  let cursor = 0;
  const place = (node: TocNode, gutter: boolean) => {
    const size = sizes.get(node.id)!;
    const u = gutter ? anchorU + spacing.gutter : Math.max(0, Math.min(us - size.us, Math.round(anchorCentre - size.us / 2)));
    boxes.set(node.id, { u, v: cursor, ...size });
    cursor += size.vs + spacing.satelliteGap;
  };
  for (const node of block.before) place(node, gutterBefore);
  const anchor: Box = { u: anchorU, v: cursor, ...anchorSize };
  boxes.set(block.anchor.id, anchor);
  cursor += anchorSize.vs + spacing.satelliteGap;
  for (const node of block.after) place(node, gutterAfter);
  const vs = cursor - spacing.satelliteGap;

  const inner = new Map<string, Path>();
  for (const side of ['before', 'after'] as const) {
    const list = block[side];
    if (list.length === 0) continue;
    // Nearest satellite first, then outwards.
    const outward = side === 'before' ? [...list].reverse() : list;
    const edgesOf = (id: string) => innerEdges.filter((e) => e.source === id || e.target === id);
    const anchorFace = side === 'before' ? anchor.v : anchor.v + anchor.vs;

    const nearest = boxes.get(outward[0]!.id)!;
    const straight = edgesOf(outward[0]!.id);
    const overlapLo = Math.max(nearest.u, anchor.u);
    const overlapHi = Math.min(nearest.u + nearest.us, anchor.u + anchor.us);
    const margin = Math.min(8, Math.max(0, (overlapHi - overlapLo) / 4));
    const lo = overlapLo + margin;
    const hi = overlapHi - margin;
    const centre = (lo + hi) / 2;
    const nearFace = side === 'before' ? nearest.v + nearest.vs : nearest.v;
    straight.forEach((edge, j) => {
      const u = Math.round(Math.max(lo, Math.min(hi, centre + (j - (straight.length - 1) / 2) * 2 * spacing.lane)));
      const path: Path = [[u, nearFace], [u, anchorFace]];
      inner.set(edge.id, edge.source === block.anchor.id ? path.reverse() : path);
    });

    // The others reach the anchor through lanes in the gutter; the farthest takes the outermost
    // lane, so no lane crosses a nearer satellite's stub.
    const farther = outward.slice(1).reverse();
    const laneEdges = farther.flatMap((node) => edgesOf(node.id).map((edge) => ({ node, edge })));
    if (laneEdges.length === 0) continue;
    const left = anchor.u + Math.min(CORNER, anchor.us / 4);
    const right = Math.max(left, Math.min(anchor.u + spacing.gutter - 4, anchor.u + anchor.us - 8));
    const step = laneEdges.length > 1 ? Math.min(spacing.lane, (right - left) / (laneEdges.length - 1)) : 0;
    laneEdges.forEach(({ node, edge }, k) => {
      const box = boxes.get(node.id)!;
      const u = Math.round(left + k * step);
      const v = midV(box);
      const path: Path = [[box.u, v], [u, v], [u, anchorFace]];
      inner.set(edge.id, edge.source === block.anchor.id ? path.reverse() : path);
    });
  }
  return { block, us, vs, boxes, inner };
}
