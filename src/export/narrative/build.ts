// The narrative a bid writer pastes from, generated from the model so it cannot drift from the
// diagram: one document structure here, written out as Markdown, HTML and DOCX by the modules beside
// it. Text in the blocks is plain (never markup); each writer escapes it for its format.
import { GraphIndex, type EdgeOfKind, type Model, type NodeOfKind, type TocEdge, type TocNode } from '../../model';
import { LESSONS } from '../../lint/lessons';
import type { Finding, Lesson } from '../../lint/types';
import { NODE_STYLES } from '../../render/theme';

/** A run of text in a paragraph. */
export type Inline = string | { strong: string } | { em: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  /** A titled set of fields: one measure of the measurement plan. */
  | { type: 'record'; title: string; fields: [string, string][] }
  /** Where the diagram goes (the writer embeds it if it was given one). */
  | { type: 'diagram'; caption: string };

export interface NarrativeDocument {
  title: string;
  blocks: Block[];
}

export interface NarrativeOptions {
  /** Findings of the rule checker for the per-lesson summary; omit when it was not run. */
  findings?: readonly Finding[];
  /** Date and version for the title block. */
  date?: string;
  version?: string;
  /** Leave the diagram out. */
  diagram?: boolean;
  /** Caps pathway enumeration in dense models (default 100). */
  maxPathways?: number;
}

const dash = '–';
const yesNo = (value: boolean | undefined) => (value === undefined ? dash : value ? 'yes' : 'no');
const words = (value: string | undefined) => (value ? value.replace(/-/g, ' ') : dash);
const orDash = (value: string | undefined) => (value && value.trim() !== '' ? value : dash);
const joinLabels = (nodes: readonly TocNode[]) => (nodes.length > 0 ? nodes.map((n) => n.label).join('; ') : dash);

interface Pathway {
  nodes: TocNode[];
  edges: EdgeOfKind<'leads-to'>[];
}

/** Every simple `leads-to` path from each activity to an impact, in model order, up to `limit`. */
export function pathways(model: Model, graph: GraphIndex, limit: number): { pathways: Pathway[]; truncated: boolean; unreached: TocNode[] } {
  const result: Pathway[] = [];
  let truncated = false;
  const unreached: TocNode[] = [];
  // Nodes that can reach an impact at all: the search never walks into a dead end.
  const impacts = graph.nodesOfKind('impact').map((n) => n.id);
  const canReach = graph.reachable(impacts, ['leads-to'], 'backward');
  for (const activity of graph.nodesOfKind('activity')) {
    if (!canReach.has(activity.id)) {
      unreached.push(activity);
      continue;
    }
    const nodes: TocNode[] = [activity];
    const edges: EdgeOfKind<'leads-to'>[] = [];
    const onPath = new Set([activity.id]);
    const walk = (id: string): void => {
      if (result.length >= limit) {
        truncated = true;
        return;
      }
      for (const edge of graph.out(id, 'leads-to') as EdgeOfKind<'leads-to'>[]) {
        const next = graph.node(edge.target);
        if (!next || onPath.has(next.id) || !canReach.has(next.id)) continue;
        nodes.push(next);
        edges.push(edge);
        if (next.kind === 'impact') {
          if (result.length >= limit) truncated = true;
          else result.push({ nodes: [...nodes], edges: [...edges] });
        } else {
          onPath.add(next.id);
          walk(next.id);
          onPath.delete(next.id);
        }
        nodes.pop();
        edges.pop();
      }
    };
    walk(activity.id);
  }
  return { pathways: result, truncated, unreached };
}

/** The assumptions a step rests on: those underpinning this very edge, or its target without naming an edge. */
function assumptionsFor(edge: TocEdge, graph: GraphIndex): NodeOfKind<'assumption'>[] {
  const out: NodeOfKind<'assumption'>[] = [];
  for (const underpins of graph.in(edge.target, 'underpins') as EdgeOfKind<'underpins'>[]) {
    if (underpins.edge !== undefined && underpins.edge !== edge.id) continue;
    const node = graph.node(underpins.source);
    if (node?.kind === 'assumption') out.push(node);
  }
  return out;
}

function stepSentence(edge: EdgeOfKind<'leads-to'>, graph: GraphIndex): Inline[] {
  const source = graph.node(edge.source)!;
  const target = graph.node(edge.target)!;
  const runs: Inline[] = ['If ', { strong: source.label }, ', then ', { strong: target.label }];
  if (edge.rationale && edge.rationale.trim() !== '') runs.push(', because ', edge.rationale.trim().replace(/[.\s]+$/, ''));
  const assumptions = assumptionsFor(edge, graph);
  if (assumptions.length > 0) {
    runs.push(' (assuming ');
    assumptions.forEach((a, i) => {
      if (i > 0) runs.push('; ');
      runs.push(a.label);
      if (a.status) runs.push(` [${a.status}]`);
    });
    runs.push(')');
  }
  runs.push('.');
  if (!edge.rationale || edge.rationale.trim() === '') runs.push(' ', { em: 'No rationale is recorded for this step.' });
  if (edge.evidence) runs.push(' Evidence: ', edge.evidence);
  if (edge.confidence) runs.push(` Confidence: ${edge.confidence}.`);
  return runs;
}

/** Hand-written Markdown, read as plain text with its structure: headings, bullets and paragraphs. */
function handWritten(markdown: string): Block[] {
  const blocks: Block[] = [];
  const clean = (s: string) => s.replace(/\*\*|__|`/g, '').trim();
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(lines[0]!);
    if (heading) {
      blocks.push({ type: 'heading', level: 3, text: clean(heading[1]!.replace(/#+\s*$/, '')) });
      lines.shift();
      if (lines.length === 0) continue;
    }
    if (lines.every((l) => /^\s*([-*+]|\d+[.)])\s+/.test(l))) {
      blocks.push({
        type: 'list',
        ordered: /^\s*\d/.test(lines[0]!),
        items: lines.map((l) => [clean(l.replace(/^\s*([-*+]|\d+[.)])\s+/, ''))]),
      });
    } else {
      blocks.push({ type: 'paragraph', runs: [clean(lines.join(' '))] });
    }
  }
  return blocks;
}

const LESSON_NUMBERS: Lesson[] = [1, 2, 3, 4, 5, 6, 7, 8];

function lintSummary(findings: readonly Finding[] | undefined): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: 'Rule checker summary' }];
  if (!findings) {
    blocks.push({ type: 'paragraph', runs: ['The rule checker was not run for this export.'] });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    runs: [
      'The model was checked against the eight lessons of Aveling, Martin, Armstrong, Banerjee and Dixon-Woods (2012), ',
      { em: 'Quality improvement through clinical communities: eight lessons for practice' },
      '. Suppressed findings are counted separately, with the reason the team gave.',
    ],
  });
  const active = findings.filter((f) => !f.suppressed);
  const rows: string[][] = [];
  const groups: { name: string; findings: readonly Finding[] }[] = [
    ...LESSON_NUMBERS.map((lesson) => ({ name: `${lesson}. ${LESSONS[lesson].title}`, findings: findings.filter((f) => f.lesson === lesson) })),
    { name: 'Structure and approach fit', findings: findings.filter((f) => f.lesson === null) },
  ];
  for (const group of groups) {
    const count = (s: Finding['severity']) => group.findings.filter((f) => !f.suppressed && f.severity === s).length;
    const suppressed = group.findings.filter((f) => f.suppressed).length;
    rows.push([group.name, String(count('error')), String(count('warning')), String(count('info')), String(suppressed)]);
  }
  blocks.push({ type: 'table', columns: ['Lesson', 'Errors', 'Warnings', 'Info', 'Suppressed'], rows });
  if (active.length === 0) {
    blocks.push({ type: 'paragraph', runs: ['No open findings.'] });
    return blocks;
  }
  for (const group of groups) {
    const open = group.findings.filter((f) => !f.suppressed && f.severity !== 'info');
    if (open.length === 0) continue;
    blocks.push({ type: 'heading', level: 3, text: group.name });
    blocks.push({
      type: 'list',
      ordered: false,
      items: open.map((f) => [{ strong: `${f.severity}: ` }, f.message, ' ', { em: f.fix }]),
    });
  }
  return blocks;
}

/** The narrative document of a model. */
export function buildNarrative(model: Model, options: NarrativeOptions = {}): NarrativeDocument {
  const graph = new GraphIndex(model);
  const blocks: Block[] = [];
  const of = <K extends TocNode['kind']>(kind: K) => graph.nodesOfKind(kind);
  const targets = (id: string, kind: TocEdge['kind']) => graph.successors(id, kind);
  const sources = (id: string, kind: TocEdge['kind']) => graph.predecessors(id, kind);

  blocks.push({ type: 'heading', level: 1, text: model.title });
  const meta = ['Theory of change', options.version ? `version ${options.version}` : undefined, options.date].filter((s): s is string => !!s);
  blocks.push({ type: 'paragraph', runs: [{ em: meta.join(' · ') }] });
  if (model.summary) blocks.push({ type: 'paragraph', runs: [model.summary] });

  if (model.problem) {
    blocks.push({ type: 'heading', level: 2, text: 'The problem' });
    blocks.push({ type: 'paragraph', runs: [model.problem] });
  }

  blocks.push({ type: 'heading', level: 2, text: 'The aim' });
  const impacts = of('impact');
  if (impacts.length === 0) blocks.push({ type: 'paragraph', runs: ['No aim (impact) is defined in the model yet.'] });
  for (const impact of impacts) {
    const runs: Inline[] = [{ strong: impact.label }];
    if (impact.timeframe) runs.push(` (${impact.timeframe})`);
    runs.push('.');
    if (impact.description) runs.push(' ', impact.description);
    const measures = sources(impact.id, 'measures');
    if (measures.length > 0) runs.push(' Measured by: ', joinLabels(measures), '.');
    blocks.push({ type: 'paragraph', runs });
  }

  if (options.diagram !== false) {
    blocks.push({ type: 'heading', level: 2, text: 'The theory of change' });
    blocks.push({ type: 'diagram', caption: `Figure 1. Theory of change: ${model.title}` });
  }

  if (model.narrative) {
    blocks.push({ type: 'heading', level: 2, text: 'Programme narrative' });
    blocks.push(...handWritten(model.narrative));
  }

  // Pathways: "If … then … because … (assuming …)", step by step from each activity to the aim.
  blocks.push({ type: 'heading', level: 2, text: 'Pathways to the aim' });
  const limit = options.maxPathways ?? 100;
  const found = pathways(model, graph, limit);
  if (found.pathways.length === 0) {
    blocks.push({ type: 'paragraph', runs: ['No activity reaches the aim through "leads to" links yet.'] });
  } else {
    blocks.push({
      type: 'paragraph',
      runs: [
        `Each pathway follows the causal links from an activity to the aim; each step says why it should hold and what it assumes. ${found.pathways.length} pathway${found.pathways.length === 1 ? '' : 's'}`,
        found.truncated ? ` are listed (the first ${limit}; the model has more).` : '.',
      ],
    });
  }
  found.pathways.forEach((pathway, i) => {
    blocks.push({ type: 'heading', level: 3, text: `Pathway ${i + 1}: ${pathway.nodes[0]!.label} → ${pathway.nodes[pathway.nodes.length - 1]!.label}` });
    const first = pathway.nodes[0]!;
    const inputs = sources(first.id, 'enables');
    if (inputs.length > 0) blocks.push({ type: 'paragraph', runs: ['Resourced by: ', joinLabels(inputs), '.'] });
    blocks.push({ type: 'list', ordered: true, items: pathway.edges.map((edge) => stepSentence(edge, graph)) });
  });
  if (found.unreached.length > 0) {
    blocks.push({
      type: 'paragraph',
      runs: [{ strong: 'Activities with no pathway to the aim: ' }, joinLabels(found.unreached), '.'],
    });
  }

  const assumptions = of('assumption');
  blocks.push({ type: 'heading', level: 2, text: 'Assumptions' });
  if (assumptions.length === 0) blocks.push({ type: 'paragraph', runs: ['No assumptions are recorded.'] });
  else
    blocks.push({
      type: 'table',
      columns: ['Assumption', 'Status', 'Evidence', 'Testable', 'Underpins', 'Owner'],
      rows: assumptions.map((a) => [
        a.label,
        a.status ?? 'not stated',
        orDash(a.evidence),
        yesNo(a.testable),
        joinLabels(targets(a.id, 'underpins')),
        joinLabels(sources(a.id, 'owns')),
      ]),
    });

  const measures = of('measure');
  blocks.push({ type: 'heading', level: 2, text: 'Measurement plan' });
  if (measures.length === 0) blocks.push({ type: 'paragraph', runs: ['No measures are defined.'] });
  else {
    blocks.push({
      type: 'table',
      columns: ['Measure', 'Type', 'Frequency', 'Target', 'Feedback to'],
      rows: measures.map((m) => [m.label, m.measureType ?? dash, orDash(m.frequency), orDash(m.target), joinLabels(targets(m.id, 'feeds-back'))]),
    });
    for (const m of measures) {
      const feedback = (graph.out(m.id, 'feeds-back') as EdgeOfKind<'feeds-back'>[]).map((e) => {
        const to = graph.node(e.target)?.label ?? e.target;
        const how = [e.format ? words(e.format) : undefined, e.frequency].filter(Boolean).join(', ');
        return how ? `${to} (${how})` : to;
      });
      blocks.push({
        type: 'record',
        title: m.label,
        fields: [
          ['Type', m.measureType ?? 'not stated'],
          ['Definition', orDash(m.definition)],
          ['Data source', orDash(m.dataSource)],
          ['Frequency', orDash(m.frequency)],
          ['Baseline', orDash(m.baseline)],
          ['Target', [m.target, m.targetDate ? `by ${m.targetDate}` : undefined].filter(Boolean).join(' ') || dash],
          ['What it measures', joinLabels(targets(m.id, 'measures'))],
          ['Feedback to', feedback.length > 0 ? feedback.join('; ') : dash],
          ['Owner', joinLabels(sources(m.id, 'owns'))],
          ['Same definition at every site', yesNo(m.sharedDefinition)],
          ['Collection burden', m.burden ?? dash],
        ],
      });
    }
  }

  const risks = of('risk');
  blocks.push({ type: 'heading', level: 2, text: 'Risk register' });
  if (risks.length === 0) blocks.push({ type: 'paragraph', runs: ['No risks are recorded.'] });
  else
    blocks.push({
      type: 'table',
      columns: ['Risk', 'Type', 'Likelihood', 'Severity', 'Threatens', 'Mitigation', 'Owner'],
      rows: risks.map((risk) => [
        risk.label,
        words(risk.risk),
        risk.likelihood ?? dash,
        risk.severity ?? dash,
        joinLabels(targets(risk.id, 'threatens')),
        joinLabels(sources(risk.id, 'mitigates')),
        joinLabels(sources(risk.id, 'owns')),
      ]),
    });

  const stakeholders = of('stakeholder');
  blocks.push({ type: 'heading', level: 2, text: 'Stakeholders and roles' });
  if (stakeholders.length === 0) blocks.push({ type: 'paragraph', runs: ['No stakeholders are recorded.'] });
  else
    blocks.push({
      type: 'table',
      columns: ['Stakeholder', 'Role', 'Profession', 'Responsible for', 'Takes part in', 'Reports to', 'Receives data'],
      rows: stakeholders.map((s) => {
        const takesPart = (graph.out(s.id, 'participates-in') as EdgeOfKind<'participates-in'>[]).map((e) => {
          const label = graph.node(e.target)?.label ?? e.target;
          return e.as ? `${label} (as ${words(e.as)})` : label;
        });
        return [
          s.label + (s.atRiskOfMarginalisation ? ' (at risk of marginalisation)' : ''),
          words(s.role),
          words(s.profession),
          joinLabels(targets(s.id, 'owns')),
          takesPart.length > 0 ? takesPart.join('; ') : dash,
          joinLabels(targets(s.id, 'reports-to')),
          joinLabels(sources(s.id, 'feeds-back')),
        ];
      }),
    });

  const inputs = of('input');
  if (inputs.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Resources' });
    blocks.push({
      type: 'table',
      columns: ['Input', 'Resource', 'Secured', 'Until', 'Provider', 'Enables'],
      rows: inputs.map((i) => [i.label, words(i.resource), yesNo(i.secured), orDash(i.until), orDash(i.provider), joinLabels(targets(i.id, 'enables'))]),
    });
  }

  const contexts = of('context');
  if (contexts.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Context' });
    blocks.push({
      type: 'table',
      columns: ['Factor', 'Level', 'Helps or hinders', 'Influences'],
      rows: contexts.map((c) => [c.label, c.level ?? dash, c.valence ?? dash, joinLabels(targets(c.id, 'influences'))]),
    });
  }

  blocks.push(...lintSummary(options.findings));

  if (model.evidence && model.evidence.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Evidence' });
    blocks.push({ type: 'list', ordered: true, items: model.evidence.map((e) => (e.url ? [e.citation, ' ', e.url] : [e.citation])) });
  }

  // Every element by kind, so that nothing in the diagram is missing from the text.
  const spine = (['activity', 'mechanism', 'output', 'outcome', 'impact'] as const).filter((k) => of(k).length > 0);
  if (spine.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Elements of the theory' });
    blocks.push({
      type: 'table',
      columns: ['Kind', 'Element', 'Details'],
      rows: spine.flatMap((kind) =>
        of(kind).map((node) => [capitalise(kindName(node)), node.label, nodeDetails(node)]),
      ),
    });
  }

  blocks.push({
    type: 'paragraph',
    runs: [{ em: `Generated by ToC Studio from the model "${model.title}" (${model.nodes.length} elements, ${model.edges.length} links); the diagram and this text come from the same model.` }],
  });
  return { title: model.title, blocks };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function kindName(node: TocNode): string {
  if (node.kind === 'outcome' && node.horizon) return `${node.horizon}-term outcome`;
  if (node.kind === 'mechanism' && node.direction) return `${node.direction === 'horizontal' ? 'peer' : 'vertical'} mechanism`;
  return NODE_STYLES[node.kind].name;
}

function nodeDetails(node: TocNode): string {
  const parts: string[] = [];
  switch (node.kind) {
    case 'activity':
      if (node.category) parts.push(words(node.category));
      if (node.strategy) parts.push(`${node.strategy} strategy`);
      if (node.frequency) parts.push(node.frequency);
      if (node.coreComponent) parts.push(`core component${node.customisation ? ` (${node.customisation})` : ''}`);
      break;
    case 'mechanism':
      if (node.mechanism) parts.push(words(node.mechanism));
      break;
    case 'output':
      if (node.unit) parts.push(`counted in ${node.unit}`);
      break;
    case 'outcome':
      if (node.domain) parts.push(node.domain);
      break;
    case 'impact':
      if (node.timeframe) parts.push(node.timeframe);
      break;
    default:
      break;
  }
  if (node.description) parts.push(node.description.replace(/\s+/g, ' ').trim());
  return parts.length > 0 ? parts.join('; ') : dash;
}

/** Every node label, for tests that check an export mentions them all. */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : 'strong' in r ? r.strong : r.em)).join('');
}
