import { describe, expect, it } from 'vitest';
import { analyse, measureLayout } from '../../src/layout';
import { LAYOUT_STAGES } from '../../src/layout/structure';
import type { Model, TocEdge, TocNode } from '../../src/model';

const node = (id: string, kind: TocNode['kind'], extra: Record<string, unknown> = {}) => ({ id, kind, label: id, ...extra }) as TocNode;
let n = 0;
const edge = (kind: TocEdge['kind'], source: string, target: string) => ({ id: `e${n++}`, kind, source, target }) as TocEdge;
const stage = (id: string) => LAYOUT_STAGES.findIndex((s) => s.id === id);

describe('stage columns', () => {
  it('places outcomes without a horizon by causal depth, within short … long', () => {
    const model: Pick<Model, 'nodes' | 'edges'> = {
      nodes: [node('out', 'output'), node('o1', 'outcome'), node('o2', 'outcome'), node('o3', 'outcome'), node('o4', 'outcome'), node('aim', 'impact')],
      edges: [edge('leads-to', 'out', 'o1'), edge('leads-to', 'o1', 'o2'), edge('leads-to', 'o2', 'o3'), edge('leads-to', 'o3', 'o4'), edge('leads-to', 'o4', 'aim')],
    };
    const s = analyse(model);
    expect(['o1', 'o2', 'o3', 'o4'].map((id) => s.stageOf.get(id))).toEqual([stage('short'), stage('medium'), stage('long'), stage('long')]);
    // o4 follows o3 inside the long-term column: one sub-column further on.
    expect(s.blockOf.get('o4')!.layer).toBe(s.blockOf.get('o3')!.layer + 1);
  });

  it('puts an outcome without a horizon no later than the outcome with a horizon it leads to', () => {
    const s = analyse({
      nodes: [node('m', 'mechanism'), node('o', 'outcome'), node('short', 'outcome', { horizon: 'short' })],
      edges: [edge('leads-to', 'm', 'o'), edge('leads-to', 'o', 'short')],
    });
    expect(s.stageOf.get('o')).toBe(stage('short'));
    expect(s.blockOf.get('short')!.layer).toBeGreaterThan(s.blockOf.get('o')!.layer);
  });

  it('marks leads-to cycles so the forward count leaves them aside', () => {
    const s = analyse({
      nodes: [node('a', 'outcome', { horizon: 'short' }), node('b', 'outcome', { horizon: 'short' }), node('c', 'impact')],
      edges: [edge('leads-to', 'a', 'b'), edge('leads-to', 'b', 'a'), edge('leads-to', 'b', 'c')],
    });
    expect(s.cyclic.size).toBe(2);
  });
});

describe('satellites', () => {
  const model: Pick<Model, 'nodes' | 'edges'> = {
    nodes: [
      node('act', 'activity'),
      node('oc', 'outcome', { horizon: 'short' }),
      node('oc2', 'outcome', { horizon: 'medium' }),
      node('m', 'measure'),
      node('as', 'assumption'),
      node('risk', 'risk'),
      node('ctx', 'context'),
      node('lead', 'stakeholder'),
      node('team', 'stakeholder'),
      node('owned', 'measure'),
      node('alone', 'assumption'),
    ],
    edges: [
      edge('leads-to', 'act', 'oc'),
      edge('leads-to', 'oc', 'oc2'),
      edge('feeds-back', 'm', 'act'),
      edge('measures', 'm', 'oc2'),
      edge('underpins', 'as', 'oc'),
      edge('threatens', 'risk', 'act'),
      edge('influences', 'ctx', 'oc'),
      edge('owns', 'lead', 'act'),
      edge('participates-in', 'team', 'act'),
      edge('owns', 'team', 'oc'),
      edge('owns', 'team', 'owned'),
    ],
  };
  const s = analyse(model);
  const anchor = (id: string) => s.blockOf.get(id)!.anchor.id;

  it('sit beside the node their main link points at', () => {
    expect(anchor('m')).toBe('oc2'); // measures before feeds-back
    expect(anchor('as')).toBe('oc');
    expect(anchor('risk')).toBe('act');
    expect(anchor('ctx')).toBe('oc');
    expect(anchor('lead')).toBe('act'); // one link: above that node
  });

  it('before (above in LR) or after (below), nearest kinds next to the spine node', () => {
    expect(s.blockOf.get('act')!.before.map((x) => x.id)).toEqual(['lead']);
    expect(s.blockOf.get('act')!.after.map((x) => x.id)).toEqual(['risk']);
    expect(s.blockOf.get('oc')!.before.map((x) => x.id)).toEqual(['as']);
    expect(s.blockOf.get('oc')!.after.map((x) => x.id)).toEqual(['ctx']);
  });

  it('a stakeholder linked to several nodes gets the stakeholder column; satellites linked only to satellites follow them', () => {
    expect(anchor('team')).toBe('team');
    expect(s.stageOf.get('team')).toBe(stage('stakeholders'));
    expect(anchor('owned')).toBe('team');
    expect(anchor('alone')).toBe('alone');
  });
});

describe('measureLayout', () => {
  it('counts crossings, overlaps, edges through nodes and forward causal links', () => {
    const model: Pick<Model, 'nodes' | 'edges'> = {
      nodes: [node('a', 'activity'), node('b', 'mechanism'), node('c', 'activity'), node('d', 'mechanism'), node('x', 'output')],
      edges: [edge('leads-to', 'a', 'd'), edge('leads-to', 'c', 'b'), edge('leads-to', 'x', 'b')],
    };
    const size = { width: 100, height: 50 };
    const drawing = {
      positions: { a: { x: 0, y: 0 }, c: { x: 0, y: 200 }, b: { x: 400, y: 0 }, d: { x: 400, y: 200 }, x: { x: 450, y: 20 } },
      sizes: { a: size, b: size, c: size, d: size, x: size },
      routes: {
        [model.edges[0]!.id]: { points: [{ x: 100, y: 25 }, { x: 250, y: 25 }, { x: 250, y: 225 }, { x: 400, y: 225 }] },
        [model.edges[1]!.id]: { points: [{ x: 100, y: 225 }, { x: 200, y: 225 }, { x: 200, y: 100 }, { x: 300, y: 100 }, { x: 300, y: 25 }, { x: 400, y: 25 }] },
        [model.edges[2]!.id]: { points: [{ x: 450, y: 45 }, { x: 420, y: 45 }] },
      },
    };
    const m = measureLayout(model, drawing);
    expect(m.crossings).toBe(1);
    expect(m.overlaps).toBe(1); // x lies on b
    expect(m.forwardEligible).toBe(2); // x → b runs against the stages (output before mechanism)
    expect(m.forward).toBe(2);
    expect(m.edgeLength).toBe(150 + 200 + 150 + 100 + 125 + 100 + 75 + 100 + 30);
  });
});
