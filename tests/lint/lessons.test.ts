// A model that meets every lesson has no findings; copies of it that each break one lesson are
// flagged for that lesson and no other.
import { describe, expect, it } from 'vitest';
import { parseModel, type Model, type TocEdge, type TocNode } from '../../src/model';
import { lint, type Finding, type Lesson } from '../../src/lint';
import { goodModel, TODAY } from './fixtures/good-model';

const lintAt = (model: Model) => lint(model, { today: TODAY });
const show = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} (lesson ${f.lesson}): ${f.message}`);

function withoutEdges(model: Model, drop: (edge: TocEdge) => boolean): Model {
  return { ...model, edges: model.edges.filter((edge) => !drop(edge)) };
}

function withoutNodes(model: Model, drop: (node: TocNode) => boolean): Model {
  const gone = new Set(model.nodes.filter(drop).map((n) => n.id));
  return { ...model, nodes: model.nodes.filter((n) => !gone.has(n.id)), edges: model.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)) };
}

function withNode(model: Model, id: string, patch: Record<string, unknown>): Model {
  return { ...model, nodes: model.nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as TocNode) : n)) };
}

function onlyTargeted(model: Model, stakeholder: string): Model {
  const others = withoutEdges(model, (e) => e.kind === 'participates-in' && e.source === stakeholder);
  return { ...others, edges: [...others.edges, { id: 'e-targeted', kind: 'participates-in', source: stakeholder, target: 'a-bundle', as: 'target' }] };
}

const edgeBetween = (kind: TocEdge['kind'], source: string, target: string) => (e: TocEdge) => e.kind === kind && e.source === source && e.target === target;

const VARIANTS: [Lesson, string, (model: Model) => Model][] = [
  [1, 'an activity nobody owns', (m) => withoutEdges(m, edgeBetween('owns', 's-core', 'a-meet'))],
  [
    1,
    'no vertical line: no reports-to and no vertical mechanism', (m) =>
      withNode(withNode(withoutEdges(m, (e) => e.kind === 'reports-to'), 'm-accountability', { direction: 'horizontal' }), 'm-capability', { direction: 'horizontal' }),
  ],
  [2, 'the last step to the aim removed', (m) => withoutEdges(m, edgeBetween('leads-to', 'o-sustain', 'i-aim'))],
  [2, 'a refuted assumption still relied on', (m) => withNode(m, 'as-time', { status: 'refuted' })],
  [2, 'no problem statement', (m) => ({ ...m, problem: undefined })],
  [3, 'an activity with no resource', (m) => withoutEdges(m, edgeBetween('enables', 'in-facilitation', 'a-train'))],
  [3, 'no protected time or funding for the nurses', (m) => withNode(withNode(m, 'in-time', { resource: 'venue' }), 'in-funding', { resource: 'institutional-backing' })],
  [4, 'the conflict risk unmitigated', (m) => withoutEdges(m, edgeBetween('mitigates', 'a-facilitated', 'r-conflict'))],
  [4, 'the healthcare assistants only targeted', (m) => onlyTargeted(m, 's-hca')],
  [5, 'a measure whose definition differs between sites', (m) => withNode(m, 'me-falls', { sharedDefinition: false })],
  [5, 'nobody takes part in the huddles', (m) => withoutEdges(m, (e) => e.kind === 'participates-in' && e.target === 'a-meet' && e.source !== 's-core')],
  [6, 'no data fed back', (m) => withoutEdges(m, (e) => e.kind === 'feeds-back')],
  [6, 'no balancing measure', (m) => withNode(m, 'me-restraint', { measureType: 'outcome' })],
  [7, 'no hard strategy', (m) => withNode(m, 'a-bundle', { strategy: 'soft' })],
  [7, 'a hard strategy on weak evidence', (m) => withNode(m, 'a-validate', { strategy: 'hard', evidenceStrength: 'low' })],
  [8, 'no context factor', (m) => withoutNodes(m, (n) => n.kind === 'context')],
  [8, 'a core component that does not say what sites may adapt', (m) => withNode(m, 'a-bundle', { customisation: undefined })],
];

describe('a model that meets every lesson', () => {
  it('is a valid file', () => {
    const parsed = parseModel(JSON.stringify(goodModel()));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('has no findings at all', () => {
    expect(show(lintAt(goodModel()))).toEqual([]);
  });
});

describe.each(VARIANTS)('lesson %i broken: %s', (lesson, _description, breakIt) => {
  it(`is flagged for lesson ${lesson} and no other`, () => {
    const model = breakIt(goodModel());
    const parsed = parseModel(JSON.stringify(model));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    const findings = lintAt(model);
    expect(findings.length).toBeGreaterThan(0);
    expect(show(findings.filter((f) => f.lesson !== lesson))).toEqual([]);
  });
});
