import { describe, expect, it } from 'vitest';
import { analyse, applyLayout, isSpine, layoutModel, measureLayout, type LayoutResult } from '../../src/layout';
import { serializeModel, type Model } from '../../src/model';
import { nodeSize } from '../../src/render/text';
import { expectRoutesWellFormed, loadExamples, overlap, rectOf } from './helpers';

const examples = loadExamples();

// One ELK layout per example and direction, shared by the tests below (ELK is the slow part).
const cache = new Map<string, Promise<LayoutResult>>();
const laidOut = (name: string, model: Model, direction: 'LR' | 'TB' = 'LR', engine: 'elk' | 'fast' = 'elk') => {
  const key = `${name} ${direction} ${engine}`;
  if (!cache.has(key)) cache.set(key, layoutModel(model, { direction, engine }));
  return cache.get(key)!;
};

describe.each(examples)('layout of $name', ({ name, model }) => {
  it.each(['LR', 'TB'] as const)('%s: no overlaps, every causal link forward, no edge through a node', async (direction) => {
    const result = await laidOut(name, model, direction);
    const metrics = measureLayout(model, result, direction);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.forwardEligible).toBeGreaterThan(20);
    expect(metrics.backwardEdges).toEqual([]);
    expect(metrics.edgeThroughNode).toBe(0);
    expectRoutesWellFormed(model, result);
  });

  it('uses the box sizes of render/text.ts for every node', async () => {
    const result = await laidOut(name, model);
    for (const node of model.nodes) expect(result.sizes[node.id]).toEqual(nodeSize(node));
  });

  it('puts every spine node inside its stage band, bands in reading order', async () => {
    const result = await laidOut(name, model);
    const band = (id: string) => result.stages.find((s) => s.id === id)!;
    const ids = result.stages.map((s) => s.id);
    expect(ids).toEqual(['stakeholders', 'inputs', 'activities', 'mechanisms', 'outputs', 'short', 'medium', 'long', 'impact']);
    for (let i = 0; i + 1 < result.stages.length; i++) expect(result.stages[i]!.end).toBeLessThan(result.stages[i + 1]!.start);
    const stageOf = (node: Model['nodes'][number]) =>
      node.kind === 'outcome' ? node.horizon! : ({ input: 'inputs', activity: 'activities', mechanism: 'mechanisms', output: 'outputs', impact: 'impact' } as Record<string, string>)[node.kind];
    for (const node of model.nodes) {
      const stage = stageOf(node);
      if (!stage) continue;
      const r = rectOf(result, node.id);
      expect(r.x0, node.id).toBeGreaterThanOrEqual(band(stage).start);
      expect(r.x1, node.id).toBeLessThanOrEqual(band(stage).end);
    }
  });

  it('places satellites where readers look: beside the node they belong to, on their side of it', async () => {
    const result = await laidOut(name, model);
    const structure = analyse(model);
    const above = new Set(['assumption', 'stakeholder']);
    let beside = 0;
    for (const node of model.nodes) {
      if (isSpine(node)) continue;
      const anchor = structure.blockOf.get(node.id)!.anchor;
      if (anchor === node) continue;
      beside++;
      const s = rectOf(result, node.id);
      const a = rectOf(result, anchor.id);
      expect(s.x0 < a.x1 && a.x0 < s.x1, `${node.id} shares ${anchor.id}'s column`).toBe(true);
      if (above.has(node.kind)) expect(s.y1, `${node.id} above ${anchor.id}`).toBeLessThanOrEqual(a.y0);
      else expect(s.y0, `${node.id} below ${anchor.id}`).toBeGreaterThanOrEqual(a.y1);
      // A measure sits beside something it measures, an assumption beside something it underpins.
      const own = { measure: 'measures', assumption: 'underpins' }[node.kind as string];
      const targets = model.edges.filter((e) => e.source === node.id && e.kind === own).map((e) => e.target);
      if (own && targets.length > 0) expect(targets, node.id).toContain(anchor.id);
    }
    expect(beside).toBeGreaterThanOrEqual(20);
  });

  it('puts stakeholders linked to several nodes in the first column (above everything in TB)', async () => {
    const lr = await laidOut(name, model, 'LR');
    const tb = await laidOut(name, model, 'TB');
    const first = lr.stages[0]!;
    const firstRow = tb.stages[0]!;
    for (const node of model.nodes.filter((n) => n.kind === 'stakeholder')) {
      expect(rectOf(lr, node.id).x1, node.id).toBeLessThanOrEqual(first.end);
      expect(rectOf(tb, node.id).y1, node.id).toBeLessThanOrEqual(firstRow.end);
    }
  });

  it('the fast engine: the same columns, no overlaps, causal links forward', async () => {
    const result = await laidOut(name, model, 'LR', 'fast');
    const metrics = measureLayout(model, result);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.backwardEdges).toEqual([]);
    expectRoutesWellFormed(model, result);
  });
});

describe('layout', () => {
  const { model } = examples.find((e) => e.name.startsWith('keystone'))!;

  it('is deterministic: the same model always gives the same result', async () => {
    const a = await layoutModel(model);
    const b = await layoutModel(structuredClone(model));
    expect(b.positions).toEqual(a.positions);
    expect(b.routes).toEqual(a.routes);
  });

  it('keeps pinned nodes exactly where they are and moves others out of their way', async () => {
    const pinnedModel = structuredClone(model);
    const pins: Record<string, { x: number; y: number }> = { 'act-cusp': { x: 5000, y: -300 }, 'oc-clabsi': { x: 300, y: 400 }, 'm-zero': { x: 0, y: 0 } };
    for (const node of pinnedModel.nodes) {
      if (pins[node.id]) Object.assign(node, { position: pins[node.id], pinned: true });
    }
    const result = await layoutModel(pinnedModel);
    for (const [id, position] of Object.entries(pins)) expect(result.positions[id]).toEqual(position);
    expect(measureLayout(pinnedModel, result).overlaps).toBe(0);
    expectRoutesWellFormed(pinnedModel, result);
    const applied = applyLayout(pinnedModel, result);
    for (const [id, position] of Object.entries(pins)) expect(applied.nodes.find((n) => n.id === id)!.position).toEqual(position);
  });

  it('moves nothing when one node is pinned where the layout put it', async () => {
    const free = await layoutModel(model);
    const pinnedModel = structuredClone(model);
    const node = pinnedModel.nodes.find((n) => n.id === 'mech-norms')!;
    Object.assign(node, { position: free.positions['mech-norms'], pinned: true });
    const pinned = await layoutModel(pinnedModel);
    expect(pinned.positions).toEqual(free.positions);
  });

  it('spacing presets: compact is smaller than normal, normal smaller than roomy', async () => {
    const area = async (spacing: 'compact' | 'normal' | 'roomy') => {
      const { bounds } = await layoutModel(model, { spacing });
      return bounds.width * bounds.height;
    };
    const [compact, normal, roomy] = [await area('compact'), await area('normal'), await area('roomy')];
    expect(compact).toBeLessThan(normal);
    expect(normal).toBeLessThan(roomy);
  });

  it('applyLayout changes positions only, and returns the same object when nothing moves', async () => {
    const result = await laidOut('keystone-icu.toc.json', model);
    const applied = applyLayout(model, result);
    const withoutPositions = (m: Model) => serializeModel({ ...m, nodes: m.nodes.map(({ position: _, ...rest }) => rest as Model['nodes'][number]) });
    expect(withoutPositions(applied)).toBe(withoutPositions(model));
    for (const node of applied.nodes) expect(node.position).toEqual(result.positions[node.id]);
    expect(applyLayout(applied, result)).toBe(applied);
  });

  it('reports progress in order, ending with done', async () => {
    const phases: string[] = [];
    await layoutModel(model, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual(['prepare', 'engine', 'route', 'done']);
  });

  it('lays out an empty model and a model without edges', async () => {
    const empty = await layoutModel({ nodes: [], edges: [] });
    expect(empty.positions).toEqual({});
    const loose = await layoutModel({ nodes: model.nodes, edges: [] });
    expect(measureLayout({ nodes: model.nodes, edges: [] }, loose).overlaps).toBe(0);
  });
});
