// The layout's public shapes. Everything here is plain data that survives structured cloning, so a
// result can cross from a Web Worker or a worker thread unchanged.
import type { StageId } from '../render/theme';

/** A stage column of theme.ts, or the stakeholder column the layout adds before them. */
export type LayoutStageId = StageId | 'stakeholders';

/** Reading direction: left to right (stage columns) or top to bottom (stage rows). */
export type Direction = 'LR' | 'TB';
export type SpacingPreset = 'compact' | 'normal' | 'roomy';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** An edge's route: from the source box's border to the target box's border, every bend included. */
export interface EdgeRoute {
  points: Point[];
}

/** Where a stage column (LR) or row (TB) lies along the reading axis, for drawing its header band. */
export interface StageBand {
  id: LayoutStageId;
  header: string;
  /** First and last coordinate on the reading axis (x for LR, y for TB), in canvas units. */
  start: number;
  end: number;
}

export type LayoutPhase = 'prepare' | 'engine' | 'route' | 'done';

export interface LayoutProgress {
  phase: LayoutPhase;
  /** 0…1, a rough share of the work done (the engine phase is one opaque step). */
  fraction: number;
  message: string;
}

/** The graph the layout engine receives and returns (ELK's JSON graph, kept opaque here). */
export type EngineGraph = import('elkjs/lib/elk-api').ElkNode;

/**
 * Runs ELK on a prepared graph. The default runs elk.bundled.js on the calling thread; the CLI passes
 * one that runs it in a worker thread it can terminate, and the browser runs the whole layout in a
 * Web Worker (src/layout/worker.ts).
 */
export type EngineRunner = (graph: EngineGraph) => Promise<EngineGraph>;

export interface LayoutOptions {
  /** Default 'LR'. */
  direction?: Direction;
  /** Default 'normal'. */
  spacing?: SpacingPreset;
  /**
   * ELK's crossing-minimisation effort. Default: chosen by graph size from measurements
   * (docs/layout.md); higher is slower and rarely better on theory-of-change graphs.
   */
  thoroughness?: number;
  /** ELK's greedy-switch pass after crossing minimisation. Default: by graph size (docs/layout.md). */
  greedySwitch?: boolean;
  /**
   * How stage columns are imposed on ELK: 'interactive' hands ELK the layer of every block as a
   * pseudo-position (fast on any graph); 'partitioning' uses ELK's own layer partitioning (the same
   * columns, slower on large graphs). Default 'interactive'; docs/layout.md has the measurements.
   */
  columns?: 'interactive' | 'partitioning';
  /** 'elk' (default) or 'fast': the built-in ordering without ELK, for huge or tangled graphs. */
  engine?: 'elk' | 'fast';
  /** Called as the work advances. */
  onProgress?: (progress: LayoutProgress) => void;
  /** How to run ELK; defaults to elk.bundled.js on this thread. */
  runEngine?: EngineRunner;
}

export interface LayoutStats {
  /** The engine that placed the nodes. */
  engine: 'elk' | 'fast';
  /** Why the fast engine stood in for ELK (a time limit, ELK failing), if it did. */
  fallback?: string;
  /** Nodes, and the blocks (a spine node with its satellites) the engine placed. */
  nodes: number;
  blocks: number;
  /** Edges routed by the engine, by the layout itself beside a column, and inside blocks. */
  engineEdges: number;
  columnEdges: number;
  blockEdges: number;
  thoroughness: number;
  engineMs: number;
  totalMs: number;
}

export interface LayoutResult {
  direction: Direction;
  /** Top-left corner of every node, whole canvas units (the model's `position`). */
  positions: Record<string, Point>;
  /** The box size used for every node (render/text.ts nodeSize). */
  sizes: Record<string, Size>;
  /** A route for every edge, keyed by edge id, in the edge's own direction (source → target). */
  routes: Record<string, EdgeRoute>;
  /** The stage bands that hold at least one node, in reading order. */
  stages: StageBand[];
  /** The box around every node and route. */
  bounds: { x: number; y: number; width: number; height: number };
  stats: LayoutStats;
}
