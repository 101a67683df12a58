// Layout quality and speed, measured (issue 5): for every example and for generated programmes of
// 50, 200 and 1,000 nodes, our layout (ELK layered in stage columns) beside @dagrejs/dagre on the same
// graph, with node sizes from render/text.ts for both. Every engine runs in a worker thread under a
// time limit, so a graph that stalls an engine costs the limit, not the afternoon.
//
//   npx tsx bench/layout.ts            the comparison (benchLayout)
//   npx tsx bench/layout.ts --options  also the option sweep behind docs/layout.md (benchLayoutOptions)
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { elkThreadRunner, LayoutTimeout } from '../src/cli/commands/layout';
import { layoutModel, measureLayout, type Direction, type EdgeRoute, type LayoutOptions, type LayoutResult, type Point, type Size } from '../src/layout';
import { parseModel, type Model } from '../src/model';
import { nodeSize } from '../src/render/text';
import { generateModel } from './generate';
import { generateProgramme, generateTangled } from './programme';
import { median, printTable } from './timing';

const LIMIT_MS = Number(process.env.TOC_BENCH_LAYOUT_LIMIT ?? 60) * 1000;
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

interface Drawing {
  positions: Record<string, Point>;
  sizes: Record<string, Size>;
  routes: Record<string, EdgeRoute>;
}

interface Case {
  name: string;
  model: Model;
}

function cases(): Case[] {
  const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.toc.json'))
    .sort()
    .map((f) => {
      const parsed = parseModel(readFileSync(path.join(EXAMPLES, f), 'utf8'));
      if (!parsed.ok) throw new Error(`${f} is invalid`);
      return { name: f.replace('.toc.json', ''), model: parsed.model };
    });
  return [
    ...examples,
    ...[50, 200, 1000].map((n) => ({ name: `programme ${n}`, model: generateProgramme(n) })),
    { name: 'generateModel 1000', model: generateModel(1000) },
  ];
}

// dagre in a worker thread: the baseline, on the same nodes (same sizes) and edges.
const DAGRE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const dagre = require(workerData.dagrePath);
const { nodes, edges, rankdir, spacing } = workerData;
const g = new dagre.graphlib.Graph({ multigraph: true });
g.setGraph({ rankdir, nodesep: spacing.nodesep, ranksep: spacing.ranksep, edgesep: spacing.edgesep });
g.setDefaultEdgeLabel(() => ({}));
for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
for (const e of edges) g.setEdge(e.source, e.target, {}, e.id);
const start = performance.now();
dagre.layout(g);
const ms = performance.now() - start;
const positions = {};
for (const n of nodes) { const v = g.node(n.id); positions[n.id] = { x: v.x - n.width / 2, y: v.y - n.height / 2 }; }
const routes = {};
for (const e of edges) routes[e.id] = { points: (g.edge(e.source, e.target, e.id).points || []).map((p) => ({ x: p.x, y: p.y })) };
parentPort.postMessage({ positions, routes, ms });
`;

function dagreLayout(model: Model, direction: Direction): Promise<Drawing & { ms: number }> {
  const sizes = Object.fromEntries(model.nodes.map((n) => [n.id, nodeSize(n)]));
  const workerData = {
    dagrePath: createRequire(import.meta.url).resolve('@dagrejs/dagre'),
    nodes: model.nodes.map((n) => ({ id: n.id, ...sizes[n.id]! })),
    edges: model.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    rankdir: direction,
    // dagre's defaults are 50/50/10; these match our 'normal' preset's spacing.
    spacing: { nodesep: 32, ranksep: 64, edgesep: 10 },
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(DAGRE_THREAD, { eval: true, workerData });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new LayoutTimeout(`dagre did not finish within ${LIMIT_MS / 1000} s`));
    }, LIMIT_MS);
    worker.once('message', (m: { positions: Drawing['positions']; routes: Drawing['routes']; ms: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...m, sizes });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

async function ours(model: Model, options: LayoutOptions = {}): Promise<{ result: LayoutResult; ms: number }> {
  const start = performance.now();
  const result = await layoutModel(model, { runEngine: elkThreadRunner(LIMIT_MS), ...options });
  return { result, ms: performance.now() - start };
}

const label = (result: LayoutResult) => (result.stats.fallback === undefined ? 'ours (ELK)' : `ours (fast: ${result.stats.fallback})`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 1)} %`);

function row(name: string, model: Model, engine: string, drawing: Drawing | undefined, ms: number | string, direction: Direction) {
  const base = { model: name, nodes: model.nodes.length, edges: model.edges.length, engine };
  if (!drawing) return { ...base, time: String(ms), crossings: '–', overlaps: '–', 'through nodes': '–', 'forward leads-to': '–', 'edge length': '–' };
  const m = measureLayout(model, drawing, direction);
  return {
    ...base,
    time: typeof ms === 'number' ? seconds(ms) : ms,
    crossings: m.crossings,
    overlaps: m.overlaps,
    'through nodes': m.edgeThroughNode,
    'forward leads-to': `${percent(m.forward, m.forwardEligible)} of ${m.forwardEligible}`,
    'edge length': m.edgeLength,
  };
}

/** Ours beside dagre on every example and generated programme (the table). */
export async function benchLayout(direction: Direction = 'LR'): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const { name, model } of cases()) {
    // Small graphs: the median of three runs (each in a fresh thread, as the CLI does).
    const runs = model.nodes.length <= 300 ? 3 : 1;
    const times: number[] = [];
    let result: LayoutResult | undefined;
    for (let i = 0; i < runs; i++) {
      const run = await ours(model, { direction });
      times.push(run.ms);
      result = run.result;
    }
    rows.push(row(name, model, label(result!), result, median(times), direction));
    try {
      const d = await dagreLayout(model, direction);
      rows.push(row(name, model, 'dagre', d, d.ms, direction));
    } catch (error) {
      rows.push(row(name, model, 'dagre', undefined, error instanceof LayoutTimeout ? `> ${LIMIT_MS / 1000} s` : String(error), direction));
    }
  }
  printTable(
    `Layout (${direction}): ours beside dagre. Targets: 0 overlaps, ≥ 99 % forward, fewer crossings than dagre, examples ≤ 1 s, ` +
      `1,000 nodes ≤ 5 s (load average ${loadavg()[0]!.toFixed(1)} at the end)`,
    rows,
  );

  // A tangled graph (issue 5): every node linked to random nodes of the next stage.
  const tangled = generateTangled(838);
  const tangledRows: Record<string, string | number>[] = [];
  const run = await ours(tangled, { direction });
  tangledRows.push(row('tangled 838', tangled, label(run.result), run.result, run.ms, direction));
  const fastStart = performance.now();
  const fast = await layoutModel(tangled, { direction, engine: 'fast' });
  tangledRows.push(row('tangled 838', tangled, 'ours (fast engine)', fast, performance.now() - fastStart, direction));
  try {
    const d = await dagreLayout(tangled, direction);
    tangledRows.push(row('tangled 838', tangled, 'dagre', d, d.ms, direction));
  } catch (error) {
    tangledRows.push(row('tangled 838', tangled, 'dagre', undefined, error instanceof LayoutTimeout ? `> ${LIMIT_MS / 1000} s` : String(error), direction));
  }
  printTable('Layout on a tangled graph (not a realistic programme: where engines fall over)', tangledRows);
}

/**
 * The sweep behind the chosen ELK options (docs/layout.md): how the stage columns are imposed,
 * thoroughness and the greedy-switch pass, on an example and on the two generators at 1,000 nodes.
 */
export async function benchLayoutOptions(): Promise<void> {
  const chosen = cases().filter((c) => ['keystone-icu', 'programme 200', 'programme 1000', 'generateModel 1000'].includes(c.name));
  const rows: Record<string, string | number>[] = [];
  const settings: { columns: 'interactive' | 'partitioning'; thoroughness: number; greedySwitch: boolean }[] = [];
  for (const thoroughness of [1, 3, 5, 7, 10]) {
    for (const greedySwitch of [true, false]) settings.push({ columns: 'interactive', thoroughness, greedySwitch });
  }
  settings.push({ columns: 'partitioning', thoroughness: 1, greedySwitch: false }, { columns: 'partitioning', thoroughness: 7, greedySwitch: false });
  for (const { name, model } of chosen) {
    for (const setting of settings) {
      const run = await ours(model, setting);
      const m = measureLayout(model, run.result);
      const timedOut = run.result.stats.fallback !== undefined;
      rows.push({
        model: name,
        columns: setting.columns,
        thoroughness: setting.thoroughness,
        'greedy switch': setting.greedySwitch ? 'on' : 'off',
        time: timedOut ? `> ${LIMIT_MS / 1000} s` : seconds(run.ms),
        'engine time': timedOut ? '–' : seconds(run.result.stats.engineMs),
        crossings: timedOut ? '–' : m.crossings,
        'edge length': timedOut ? '–' : m.edgeLength,
      });
    }
    const start = performance.now();
    const fast = await layoutModel(model, { engine: 'fast' });
    const m = measureLayout(model, fast);
    rows.push({
      model: name,
      columns: 'fast engine',
      thoroughness: '–',
      'greedy switch': '–',
      time: seconds(performance.now() - start),
      'engine time': seconds(fast.stats.engineMs),
      crossings: m.crossings,
      'edge length': m.edgeLength,
    });
  }
  printTable('ELK options (each run in a fresh thread, as the CLI does; engine time = ELK alone)', rows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchLayout();
  if (process.argv.includes('--tb')) await benchLayout('TB');
  if (process.argv.includes('--options')) await benchLayoutOptions();
}
