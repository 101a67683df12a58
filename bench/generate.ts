// Generated models built like real programmes: many pathways from inputs through activities,
// community mechanisms, outputs and outcomes to a shared aim, with measures, assumptions,
// stakeholders, risks and context around them, local links and a few cross-links. Deterministic.
import type { Model, TocEdge, TocNode } from '../src/model';

/** A small seeded generator (mulberry32), so generated models are the same on every run. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHWAY: Omit<TocNode, 'id'>[] = [
  { kind: 'input', label: 'Protected time for site teams', resource: 'protected-time', secured: true },
  { kind: 'activity', label: 'Monthly peer learning calls', category: 'convening', strategy: 'soft' },
  { kind: 'mechanism', label: 'Peers compare practice and adopt norms', mechanism: 'peer-norming', direction: 'horizontal' },
  { kind: 'output', label: 'Calls held with site attendance', unit: 'calls' },
  { kind: 'outcome', label: 'Teams use the checklist reliably', horizon: 'short', domain: 'behaviour' },
  { kind: 'outcome', label: 'Fewer line infections on the unit', horizon: 'medium', domain: 'clinical' },
  { kind: 'outcome', label: 'Sustained safety culture', horizon: 'long', domain: 'system' },
  { kind: 'measure', label: 'Checklist compliance', measureType: 'process', definition: 'share of insertions with checklist', dataSource: 'audit', frequency: 'monthly' },
  { kind: 'assumption', label: 'Clinicians trust peer data', status: 'supported' },
  { kind: 'stakeholder', label: 'Site nursing team', role: 'site-team', profession: 'nursing' },
  { kind: 'risk', label: 'Attendance fades', risk: 'disengagement', likelihood: 'medium', severity: 'medium' },
  { kind: 'context', label: 'Staffing pressure on the unit', level: 'unit', valence: 'barrier' },
] as unknown as Omit<TocNode, 'id'>[];

/** A model of about `size` nodes with about twice as many edges. */
export function generateModel(size: number, seed = 1): Model {
  const rand = random(seed);
  const nodes: TocNode[] = [{ id: 'aim', kind: 'impact', label: 'Safer care for every patient in the region' }];
  const edges: TocEdge[] = [];
  const link = (kind: TocEdge['kind'], source: string, target: string) =>
    edges.push({ id: `e${edges.length}`, kind, source, target } as TocEdge);
  const pathways = Math.max(1, Math.floor((size - 1) / PATHWAY.length));
  for (let p = 0; p < pathways; p++) {
    const id = (i: number) => `p${p}n${i}`;
    PATHWAY.forEach((template, i) => nodes.push({ ...template, id: id(i), label: `${template.label} ${p + 1}` } as TocNode));
    link('enables', id(0), id(1));
    link('leads-to', id(1), id(2));
    link('leads-to', id(2), id(3));
    link('leads-to', id(3), id(4));
    link('leads-to', id(4), id(5));
    link('leads-to', id(5), id(6));
    link('leads-to', id(6), 'aim');
    link('measures', id(7), id(4));
    link('feeds-back', id(7), id(9));
    link('underpins', id(8), id(5));
    link('participates-in', id(9), id(1));
    link('owns', id(9), id(1));
    link('threatens', id(10), id(1));
    link('mitigates', id(1), id(10));
    link('influences', id(11), id(1));
    link('influences', id(11), id(4));
    link('measures', id(7), id(5));
    link('owns', id(9), id(7));
    link('participates-in', id(9), id(2));
    link('leads-to', id(4), id(6));
    link('threatens', id(10), id(2));
    link('owns', id(9), id(10));
    // A few cross-links between neighbouring pathways, as real programmes share mechanisms.
    if (p > 0 && rand() < 0.3) link('leads-to', id(2), `p${Math.floor(rand() * p)}n4`);
    if (p > 0 && rand() < 0.2) link('enables', id(0), `p${p - 1}n1`);
  }
  return { schemaVersion: 1, title: `Generated model of ${nodes.length} nodes`, nodes, edges };
}
