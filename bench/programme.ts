// A more realistic generated programme for the layout bench: many workstreams (pathways), each with
// its own inputs, activities, community mechanisms, outputs and outcomes, locally linked; a few
// cross-links to neighbouring workstreams; shared programme-wide inputs, a core team and a shared aim;
// measures, assumptions, risks and context beside the nodes they belong to; labels of realistic,
// varied length (one to four wrapped lines). Deterministic for a given size and seed.
import type { Model, TocEdge, TocNode } from '../src/model';
import { random } from './generate';


const PHRASES: Record<string, string[]> = {
  input: ['Protected time for site leads', 'Programme grant', 'Regional data analyst and dashboard infrastructure', 'Facilitation by the improvement team', 'Training materials'],
  activity: [
    'Monthly peer learning calls',
    'Run quarterly collaborative learning sessions for all member teams',
    'Site visits',
    'Coach struggling teams through structured peer review and shared action plans',
    'Publish a change package',
    'Feed back each team’s data against the network every month',
  ],
  mechanism: ['Peers compare practice and adopt norms', 'Shared identity', 'Teams learn workable solutions from each other', 'Accountability to the network and to executive sponsors'],
  output: ['Sessions held', 'Teams with an agreed local action plan and named lead', 'Monthly reports per site'],
  outcome: [
    'Teams use the bundle reliably',
    'Greater capability to measure and learn from local data',
    'Fewer harms',
    'Stronger teamwork and a safety climate in which staff can speak up about unsafe care',
    'Sustained improvement after funded support ends',
  ],
  impact: ['Safer care for every patient in the region', 'Preventable harm eliminated'],
  measure: ['Bundle compliance', 'Attendance at learning sessions per site and per profession', 'Harm rate per 1,000 bed-days', 'Staff survey safety-climate score'],
  assumption: ['Clinicians trust peer data', 'Executives keep protected time in place once early gains are made'],
  stakeholder: ['Workstream lead', 'Site nursing and medical teams', 'Patient representatives'],
  risk: ['Attendance fades', 'Data are gamed to protect a unit’s standing among its peers'],
  context: ['Staffing pressure', 'Competing national targets and inspection regime'],
};

/** A programme of about `size` nodes in workstreams of about 24 nodes. */
export function generateProgramme(size: number, seed = 7): Model {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const nodes: TocNode[] = [];
  const edges: TocEdge[] = [];
  const add = (kind: TocNode['kind'], id: string, extra: Record<string, unknown> = {}) => {
    nodes.push({ id, kind, label: `${pick(PHRASES[kind]!)} (${id})`, ...extra } as TocNode);
    return id;
  };
  const link = (kind: TocEdge['kind'], source: string, target: string) => edges.push({ id: `e${edges.length}`, kind, source, target } as TocEdge);

  const aims = [add('impact', 'aim-1'), add('impact', 'aim-2')];
  const fund = add('input', 'in-fund', { resource: 'funding' });
  const data = add('input', 'in-data', { resource: 'data-infrastructure' });
  const core = add('stakeholder', 'sh-core', { role: 'core-team' });
  link('owns', core, fund);
  link('owns', core, data);

  const streams = Math.max(1, Math.round((size - 5) / 24));
  const streamNodes: { short: string[]; long: string; mechanisms: string[]; activities: string[] }[] = [];
  for (let w = 0; w < streams; w++) {
    const id = (s: string) => `w${w}-${s}`;
    const input = add('input', id('in'), { resource: 'protected-time' });
    const activities = Array.from({ length: int(3, 5) }, (_, i) => add('activity', id(`act${i}`)));
    const mechanisms = Array.from({ length: int(1, 3) }, (_, i) => add('mechanism', id(`mech${i}`), { direction: 'horizontal' }));
    const outputs = Array.from({ length: int(1, 2) }, (_, i) => add('output', id(`out${i}`)));
    const short = Array.from({ length: 2 }, (_, i) => add('outcome', id(`short${i}`), { horizon: 'short' }));
    const medium = Array.from({ length: int(1, 2) }, (_, i) => add('outcome', id(`medium${i}`), { horizon: 'medium' }));
    const long = add('outcome', id('long'), { horizon: 'long' });

    for (const a of activities) link('enables', input, a);
    link('enables', fund, activities[0]!);
    if (rand() < 0.5) link('enables', data, pick(activities));
    activities.forEach((a, i) => {
      link('leads-to', a, mechanisms[i % mechanisms.length]!);
      if (rand() < 0.5) link('leads-to', a, pick(outputs));
    });
    outputs.forEach((o, i) => link('leads-to', o, short[i % short.length]!));
    mechanisms.forEach((m, i) => link('leads-to', m, short[i % short.length]!));
    short.forEach((s, i) => link('leads-to', s, medium[i % medium.length]!));
    for (const m of medium) link('leads-to', m, long);
    link('leads-to', long, aims[w % aims.length]!);

    // Satellites.
    const lead = add('stakeholder', id('lead'), { role: 'site-lead' });
    link('reports-to', lead, core);
    for (const a of activities) link('owns', lead, a);
    const team = add('stakeholder', id('team'), { role: 'site-team' });
    for (const a of activities.slice(0, int(2, 3))) link('participates-in', team, a);
    link('participates-in', team, mechanisms[0]!);
    for (const s of short) {
      const m = add('measure', `${s}-m`, { measureType: 'outcome' });
      link('measures', m, s);
      if (rand() < 0.4) link('feeds-back', m, team);
    }
    const process = add('measure', id('m-process'), { measureType: 'process' });
    link('measures', process, activities[0]!);
    link('owns', lead, process);
    const harm = add('measure', id('m-harm'), { measureType: 'outcome' });
    link('measures', harm, medium[0]!);
    link('measures', harm, long);
    link('feeds-back', harm, activities[activities.length - 1]!);
    const assumption = add('assumption', id('as'), { status: 'untested' });
    link('underpins', assumption, mechanisms[0]!);
    if (rand() < 0.5) link('underpins', add('assumption', id('as2')), medium[0]!);
    const risk = add('risk', id('risk'), { risk: 'disengagement' });
    link('threatens', risk, pick(activities));
    link('mitigates', activities[0]!, risk);
    const context = add('context', id('ctx'), { valence: 'barrier' });
    link('influences', context, pick(activities));
    if (rand() < 0.5) link('influences', context, mechanisms[0]!);

    // A few cross-links to the previous workstreams, as real programmes share mechanisms and outcomes.
    if (w > 0) {
      const other = streamNodes[w - 1 - Math.floor(rand() * Math.min(2, w))]!;
      if (rand() < 0.35) link('leads-to', mechanisms[0]!, pick(other.short));
      if (rand() < 0.2) link('leads-to', short[0]!, other.long);
      if (rand() < 0.15) link('participates-in', team, pick(other.activities));
    }
    streamNodes.push({ short, long, mechanisms, activities });
  }
  return { schemaVersion: 1, title: `Generated programme of ${nodes.length} nodes`, nodes, edges };
}

/**
 * A tangled graph as in issue 5's measurement: stage-ordered nodes, every node linked to random nodes
 * of the next stage. Not a realistic programme; it shows where layered layout gets slow.
 */
export function generateTangled(size: number, seed = 3): Model {
  const rand = random(seed);
  const kinds: [TocNode['kind'], Record<string, unknown>][] = [
    ['activity', {}],
    ['mechanism', {}],
    ['output', {}],
    ['outcome', { horizon: 'short' }],
    ['outcome', { horizon: 'medium' }],
    ['outcome', { horizon: 'long' }],
    ['impact', {}],
  ];
  const perStage = Math.max(1, Math.floor(size / kinds.length));
  const stages = kinds.map(([kind, extra], s) =>
    Array.from({ length: s === kinds.length - 1 ? Math.max(1, Math.floor(perStage / 8)) : perStage }, (_, i) => ({ id: `s${s}n${i}`, kind, label: `Node ${s}.${i}`, ...extra }) as TocNode),
  );
  const nodes = stages.flat();
  const edges: TocEdge[] = [];
  for (let s = 0; s + 1 < stages.length; s++) {
    for (const node of stages[s]!) {
      for (let k = 0; k < 2; k++) {
        const target = stages[s + 1]![Math.floor(rand() * stages[s + 1]!.length)]!;
        edges.push({ id: `e${edges.length}`, kind: 'leads-to', source: node.id, target: target.id } as TocEdge);
      }
    }
  }
  return { schemaVersion: 1, title: `Tangled graph of ${nodes.length} nodes`, nodes, edges };
}
