// The file format (shared/spec/model-format.md) as zod schemas. Key order in every object here is
// the canonical key order of the format: the serialiser walks these shapes.
import { z } from 'zod';
import * as V from './vocabulary';

export const SCHEMA_VERSION = 1;
/** Canvas coordinates beyond this are refused: nothing drawable lives there, and they break exports. */
export const MAX_COORDINATE = 10_000_000;
/** Beyond these counts a model is too big to draw or read; the programme should be split. */
export const MAX_NODES = 100_000;
export const MAX_EDGES = 200_000;
/** Labels and the title are short names (the spec: 1–200 characters); longer text goes in descriptions. */
export const MAX_LABEL_LENGTH = 200;

export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

const id = z.string().regex(ID_PATTERN);
const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true, local: false });
/** Length in characters (code points), as the format and JSON Schema's maxLength count them; a
 * string's .length counts an emoji as two. */
const characters = (value: string) => {
  let count = 0;
  for (const _ of value) count++;
  return count;
};
/** Short text such as a label; `longer` says where longer text belongs. */
const text = (max: number, longer: string) =>
  z
    .string()
    .min(1)
    .refine((value) => value.length <= max || characters(value) <= max, {
      error: (issue) =>
        `is ${characters(issue.input as string).toLocaleString('en')} characters long; at most ${max} are allowed, so shorten it (longer text belongs in ${longer})`,
    })
    .meta({ maxLength: max });
const freeForm = z.record(z.string(), z.unknown());
const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);

const nodeBase = {
  id,
  label: text(MAX_LABEL_LENGTH, 'the description'),
  description: z.string().optional(),
  position: z.strictObject({ x: coordinate, y: coordinate }).optional(),
  pinned: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  data: freeForm.optional(),
};

function nodeOf<K extends V.NodeKind, A extends z.ZodRawShape>(kind: K, attributes: A) {
  const { id: nodeId, label, ...rest } = nodeBase;
  return z.strictObject({ id: nodeId, kind: z.literal(kind), label, ...rest, ...attributes });
}

export const InputNode = nodeOf('input', {
  resource: z.enum(V.RESOURCES).optional(),
  secured: z.boolean().optional(),
  until: date.optional(),
  provider: z.string().optional(),
});
export const ActivityNode = nodeOf('activity', {
  category: z.enum(V.ACTIVITY_CATEGORIES).optional(),
  strategy: z.enum(V.STRATEGIES).optional(),
  coreComponent: z.boolean().optional(),
  customisation: z.enum(V.CUSTOMISATIONS).optional(),
  frequency: z.string().optional(),
  evidenceStrength: z.enum(V.EVIDENCE_STRENGTHS).optional(),
});
export const MechanismNode = nodeOf('mechanism', {
  mechanism: z.enum(V.MECHANISMS).optional(),
  direction: z.enum(V.DIRECTIONS).optional(),
});
export const OutputNode = nodeOf('output', { unit: z.string().optional() });
export const OutcomeNode = nodeOf('outcome', {
  horizon: z.enum(V.HORIZONS).optional(),
  domain: z.enum(V.OUTCOME_DOMAINS).optional(),
});
export const ImpactNode = nodeOf('impact', { timeframe: z.string().optional() });
export const AssumptionNode = nodeOf('assumption', {
  status: z.enum(V.ASSUMPTION_STATUSES).optional(),
  evidence: z.string().optional(),
  testable: z.boolean().optional(),
});
export const ContextNode = nodeOf('context', {
  level: z.enum(V.CONTEXT_LEVELS).optional(),
  valence: z.enum(V.VALENCES).optional(),
  site: id.optional(),
});
export const RiskNode = nodeOf('risk', {
  risk: z.enum(V.RISK_TYPES).optional(),
  likelihood: z.enum(V.LEVELS_LOW_MEDIUM_HIGH).optional(),
  severity: z.enum(V.LEVELS_LOW_MEDIUM_HIGH).optional(),
});
export const StakeholderNode = nodeOf('stakeholder', {
  role: z.enum(V.STAKEHOLDER_ROLES).optional(),
  profession: z.enum(V.PROFESSIONS).optional(),
  site: id.optional(),
  atRiskOfMarginalisation: z.boolean().optional(),
});
export const MeasureNode = nodeOf('measure', {
  measureType: z.enum(V.MEASURE_TYPES).optional(),
  definition: z.string().optional(),
  dataSource: z.string().optional(),
  frequency: z.string().optional(),
  baseline: z.string().optional(),
  target: z.string().optional(),
  targetDate: date.optional(),
  sharedDefinition: z.boolean().optional(),
  burden: z.enum(V.LEVELS_LOW_MEDIUM_HIGH).optional(),
});

export const NODE_SCHEMAS = {
  input: InputNode,
  activity: ActivityNode,
  mechanism: MechanismNode,
  output: OutputNode,
  outcome: OutcomeNode,
  impact: ImpactNode,
  assumption: AssumptionNode,
  context: ContextNode,
  risk: RiskNode,
  stakeholder: StakeholderNode,
  measure: MeasureNode,
} as const satisfies Record<V.NodeKind, z.ZodType>;

export const Node = z.discriminatedUnion('kind', [
  InputNode,
  ActivityNode,
  MechanismNode,
  OutputNode,
  OutcomeNode,
  ImpactNode,
  AssumptionNode,
  ContextNode,
  RiskNode,
  StakeholderNode,
  MeasureNode,
]);

const edgeBase = {
  id,
  source: id,
  target: id,
  label: z.string().optional(),
  rationale: z.string().optional(),
  evidence: z.string().optional(),
  data: freeForm.optional(),
};

function edgeOf<K extends V.EdgeKind, A extends z.ZodRawShape>(kind: K, attributes: A) {
  const { id: edgeId, ...rest } = edgeBase;
  return z.strictObject({ id: edgeId, kind: z.literal(kind), ...rest, ...attributes });
}

export const EDGE_SCHEMAS = {
  'leads-to': edgeOf('leads-to', { confidence: z.enum(V.CONFIDENCES).optional() }),
  enables: edgeOf('enables', {}),
  measures: edgeOf('measures', {}),
  'feeds-back': edgeOf('feeds-back', {
    format: z.enum(V.FEEDBACK_FORMATS).optional(),
    frequency: z.string().optional(),
  }),
  owns: edgeOf('owns', {}),
  'participates-in': edgeOf('participates-in', { as: z.enum(V.PARTICIPATION_ROLES).optional() }),
  underpins: edgeOf('underpins', { edge: id.optional() }),
  influences: edgeOf('influences', { effect: z.enum(V.EFFECTS).optional() }),
  mitigates: edgeOf('mitigates', {}),
  threatens: edgeOf('threatens', {}),
  'reports-to': edgeOf('reports-to', {}),
} as const satisfies Record<V.EdgeKind, z.ZodType>;

export const Edge = z.discriminatedUnion('kind', [
  EDGE_SCHEMAS['leads-to'],
  EDGE_SCHEMAS.enables,
  EDGE_SCHEMAS.measures,
  EDGE_SCHEMAS['feeds-back'],
  EDGE_SCHEMAS.owns,
  EDGE_SCHEMAS['participates-in'],
  EDGE_SCHEMAS.underpins,
  EDGE_SCHEMAS.influences,
  EDGE_SCHEMAS.mitigates,
  EDGE_SCHEMAS.threatens,
  EDGE_SCHEMAS['reports-to'],
]);

export const EvidenceItem = z.strictObject({
  id: id.optional(),
  citation: z.string().min(1),
  url: z.string().optional(),
});

export const Site = z.strictObject({
  id,
  name: z.string().min(1),
  readiness: z.enum(V.READINESS).optional(),
  baselineAssessed: z.boolean().optional(),
});

export const Community = z.strictObject({
  approach: z.enum(V.APPROACHES).optional(),
  problemType: z.enum(V.PROBLEM_TYPES).optional(),
  membership: z.string().optional(),
  sites: z.array(Site).optional(),
});

export const Review = z.strictObject({
  lastReviewed: date.optional(),
  intervalMonths: z.number().int().min(1).optional(),
});

export const Meta = z.strictObject({
  authors: z.array(z.string()).optional(),
  created: dateTime.optional(),
  updated: dateTime.optional(),
  tags: z.array(z.string()).optional(),
});

export const Suppression = z.strictObject({
  rule: z.string().min(1),
  target: id.optional(),
  reason: z.string().regex(/\S/),
});

export const LintSettings = z.strictObject({
  rules: z.record(z.string(), z.enum(V.RULE_SETTINGS)).optional(),
  suppressions: z.array(Suppression).optional(),
});

export const Model = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: text(MAX_LABEL_LENGTH, 'the summary'),
  summary: z.string().optional(),
  problem: z.string().optional(),
  narrative: z.string().optional(),
  evidence: z.array(EvidenceItem).optional(),
  community: Community.optional(),
  review: Review.optional(),
  meta: Meta.optional(),
  nodes: z.array(Node).max(MAX_NODES),
  edges: z.array(Edge).max(MAX_EDGES),
  lint: LintSettings.optional(),
  view: freeForm.optional(),
  data: freeForm.optional(),
});

export type Model = z.infer<typeof Model>;
export type TocNode = z.infer<typeof Node>;
export type TocEdge = z.infer<typeof Edge>;
export type NodeOfKind<K extends V.NodeKind> = Extract<TocNode, { kind: K }>;
export type EdgeOfKind<K extends V.EdgeKind> = Extract<TocEdge, { kind: K }>;
export type Site = z.infer<typeof Site>;
export type Suppression = z.infer<typeof Suppression>;

/** The model with its lists left open: nodes and edges are checked one by one against the schema
 * of their own kind (parse.ts). */
export const ModelShell = Model.extend({ nodes: z.array(z.unknown()).max(MAX_NODES), edges: z.array(z.unknown()).max(MAX_EDGES) });
