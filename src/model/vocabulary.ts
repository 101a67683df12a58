// The closed lists of the format (shared/spec/model-format.md), as data: the schemas, the editor's
// selects, the rule checker and the renderer all read these, so a list exists exactly once.

export const NODE_KINDS = [
  'input',
  'activity',
  'mechanism',
  'output',
  'outcome',
  'impact',
  'assumption',
  'context',
  'risk',
  'stakeholder',
  'measure',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The stages of the theory itself (visual-language.md: the causal spine); the other kinds are
 * satellites around it. */
export const SPINE_KINDS: readonly NodeKind[] = ['input', 'activity', 'mechanism', 'output', 'outcome', 'impact'];

export const EDGE_KINDS = [
  'leads-to',
  'enables',
  'measures',
  'feeds-back',
  'owns',
  'participates-in',
  'underpins',
  'influences',
  'mitigates',
  'threatens',
  'reports-to',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const APPROACHES = [
  'community-of-practice',
  'qi-collaborative',
  'clinical-network',
  'managed-clinical-network',
  'clinical-community',
  'professional-movement',
  'other',
] as const;
export const PROBLEM_TYPES = [
  'evidence-practice-gap',
  'knowledge-gap',
  'unknown-solution',
  'service-coordination',
  'culture-and-norms',
] as const;
export const READINESS = ['high', 'medium', 'low', 'unknown'] as const;
export const LEVELS_LOW_MEDIUM_HIGH = ['low', 'medium', 'high'] as const;

export const RESOURCES = [
  'funding',
  'protected-time',
  'staff',
  'expertise',
  'training-materials',
  'data-infrastructure',
  'facilitation',
  'institutional-backing',
  'venue',
  'other',
] as const;
export const ACTIVITY_CATEGORIES = [
  'coordination',
  'convening',
  'community-building',
  'recruitment',
  'training',
  'facilitation',
  'intervention',
  'data-collection',
  'data-feedback',
  'governance',
  'conflict-management',
  'review',
] as const;
export const STRATEGIES = ['hard', 'soft', 'mixed'] as const;
export const CUSTOMISATIONS = ['fixed', 'adaptable', 'local'] as const;
export const EVIDENCE_STRENGTHS = ['high', 'moderate', 'low', 'unknown'] as const;
export const MECHANISMS = [
  'peer-norming',
  'social-learning',
  'shared-identity',
  'reciprocity-trust',
  'reputational-comparison',
  'normative-pressure',
  'professional-values',
  'accountability',
  'capability-building',
  'other',
] as const;
export const DIRECTIONS = ['horizontal', 'vertical'] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;
export const OUTCOME_DOMAINS = [
  'capability',
  'behaviour',
  'process',
  'clinical',
  'experience',
  'relational',
  'system',
] as const;
export const ASSUMPTION_STATUSES = ['untested', 'supported', 'contested', 'refuted'] as const;
export const CONTEXT_LEVELS = ['unit', 'organisation', 'community', 'system'] as const;
export const VALENCES = ['enabler', 'barrier', 'moderator'] as const;
export const RISK_TYPES = [
  'conflict',
  'marginalisation',
  'disengagement',
  'free-riding',
  'resource-shortfall',
  'data-burden',
  'data-credibility',
  'gaming',
  'defensiveness',
  'unintended-consequence',
  'loss-of-momentum',
  'over-customisation',
  'other',
] as const;
export const STAKEHOLDER_ROLES = [
  'core-team',
  'clinical-lead',
  'programme-manager',
  'improvement-adviser',
  'data-analyst',
  'site-lead',
  'site-team',
  'executive-sponsor',
  'member-group',
  'patient-representative',
  'funder',
  'host-organisation',
  'other',
] as const;
export const PROFESSIONS = [
  'medicine',
  'nursing',
  'allied-health',
  'pharmacy',
  'management',
  'patients',
  'mixed',
  'other',
] as const;
export const MEASURE_TYPES = ['outcome', 'process', 'balancing', 'structure', 'engagement'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const FEEDBACK_FORMATS = [
  'run-chart',
  'spc-chart',
  'blinded-comparison',
  'named-comparison',
  'league-table',
  'dashboard',
  'narrative',
] as const;
export const PARTICIPATION_ROLES = ['participant', 'target', 'co-designer', 'facilitator'] as const;
export const EFFECTS = ['strengthens', 'weakens', 'unclear'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const RULE_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

/** Which node kinds each edge kind may join (the spec's edge table). */
export const EDGE_ENDPOINTS: Record<EdgeKind, { from: readonly NodeKind[]; to: readonly NodeKind[] }> = {
  'leads-to': {
    from: ['activity', 'output', 'mechanism', 'outcome'],
    to: ['output', 'mechanism', 'outcome', 'impact'],
  },
  enables: { from: ['input'], to: ['activity', 'mechanism'] },
  measures: { from: ['measure'], to: ['activity', 'output', 'mechanism', 'outcome', 'impact'] },
  'feeds-back': { from: ['measure'], to: ['stakeholder', 'activity', 'mechanism'] },
  owns: { from: ['stakeholder'], to: ['input', 'activity', 'measure', 'risk', 'outcome', 'assumption'] },
  'participates-in': { from: ['stakeholder'], to: ['activity', 'mechanism'] },
  underpins: { from: ['assumption'], to: ['activity', 'output', 'mechanism', 'outcome', 'impact'] },
  influences: {
    from: ['context'],
    to: ['stakeholder', 'activity', 'output', 'mechanism', 'outcome', 'impact'],
  },
  mitigates: { from: ['activity'], to: ['risk'] },
  threatens: { from: ['risk'], to: ['stakeholder', 'activity', 'output', 'mechanism', 'outcome', 'impact'] },
  'reports-to': { from: ['stakeholder'], to: ['stakeholder'] },
};

/** The edge kinds the spec allows from a node of one kind to a node of another, in table order. */
export function edgeKindsBetween(sourceKind: NodeKind, targetKind: NodeKind): EdgeKind[] {
  return EDGE_KINDS.filter(
    (kind) => EDGE_ENDPOINTS[kind].from.includes(sourceKind) && EDGE_ENDPOINTS[kind].to.includes(targetKind),
  );
}
