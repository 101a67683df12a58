// Lesson 6: appropriate use of data in prompting behavioural change.
import { exampleModel, node } from '../example';
import type { NodeOfKind } from '../../model';
import { hasIncoming, isBlank, joinAnd, labelList, named, outEdges, quoted } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(6);
const COMPARISON_FORMATS: ReadonlySet<string> = new Set(['named-comparison', 'league-table']);

export const outcomesMeasured: Rule = {
  meta: {
    id: 'outcomes-measured',
    lesson: 6,
    severity: 'error',
    title: 'Every outcome and the aim have a measure',
    rationale: `${LESSON}: data fed back to clinicians drive change, and a community cannot learn whether its theory holds without measuring its outcomes (${SOURCES.michigan}; ${SOURCES.tenChallenges}). An unmeasured impact or short- or medium-term outcome is an error; an unmeasured long-term outcome, which may be out of reach of the programme's data, is a warning.`,
    fix: 'Add a measure for each outcome and the impact, with a definition, data source and frequency, and link it with measures.',
    failing: {
      description: 'The short-term outcome has no measure.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-checks', 'Falls risk checked on admission', { horizon: 'short' })]),
    },
    passing: {
      description: 'A compliance measure tracks it.',
      model: exampleModel(
        'Falls prevention network',
        [node('outcome', 'o-checks', 'Falls risk checked on admission', { horizon: 'short' }), node('measure', 'me-checks', 'Admissions with a falls check within 24 hours', { measureType: 'process' })],
        [['measures', 'me-checks', 'o-checks']],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const kind of ['outcome', 'impact'] as const) {
      for (const item of graph.nodesOfKind(kind)) {
        if (hasIncoming(graph, item.id, 'measures', 'measure')) continue;
        if (item.kind === 'outcome' && item.horizon === undefined) needsAttribute(item, 'horizon');
        const shortOrMedium = item.kind === 'impact' || item.horizon === 'short' || item.horizon === 'medium';
        report({
          // Without a horizon the rule cannot tell an error from a warning, so it says the lesser.
          severity: shortOrMedium ? undefined : 'warning',
          message: `${named(item)} has no measure`,
          nodeId: item.id,
          fix: `Add a measure of ${quoted(item.label)} with a definition, data source and frequency, and link it with measures.`,
        });
      }
    }
  },
};

export const measureDefined: Rule = {
  meta: {
    id: 'measure-defined',
    lesson: 6,
    severity: 'warning',
    title: 'Every measure has a definition, data source and frequency',
    rationale: `${LESSON}: data prompt change only when clinicians find them credible and timely; a measure without a clear definition, source and frequency is collected differently at each site and is easily dismissed (${SOURCES.michigan}; ${SOURCES.tenChallenges}).`,
    fix: 'Write the definition, data source and frequency of each measure.',
    failing: {
      description: 'A measure with a name only.',
      model: exampleModel('Falls prevention network', [node('measure', 'me-falls', 'Falls per 1,000 bed days')]),
    },
    passing: {
      description: 'The measure is fully specified.',
      model: exampleModel('Falls prevention network', [
        node('measure', 'me-falls', 'Falls per 1,000 bed days', {
          definition: 'Inpatient falls reported on the incident system, per 1,000 occupied bed days',
          dataSource: 'Incident reporting system and bed census',
          frequency: 'monthly',
        }),
      ]),
    },
  },
  check({ graph, report }) {
    for (const measure of graph.nodesOfKind('measure')) {
      const missing = (['definition', 'dataSource', 'frequency'] as const).filter((key) => isBlank(measure[key]));
      if (missing.length === 0) continue;
      const words = missing.map((key) => (key === 'dataSource' ? 'data source' : key));
      report({
        message: `${named(measure)} has no ${joinAnd(words, 'or')}`,
        nodeId: measure.id,
        fix: `Write the ${joinAnd(words)} of ${quoted(measure.label)}, so every site collects it the same way.`,
      });
    }
  },
};

export const feedbackLoop: Rule = {
  meta: {
    id: 'feedback-loop',
    lesson: 6,
    severity: 'error',
    title: 'Data are fed back to the people expected to change',
    rationale: `${LESSON}: data change behaviour when they are fed back to clinicians, especially as comparisons with peers that engage professional pride and norms (${SOURCES.michigan}; ${SOURCES.healthFoundation}). A model in which no measure is fed back to anyone leaves out the mechanism this lesson is about.`,
    fix: 'Link the key measures with feeds-back to the clinicians or teams expected to change.',
    failing: {
      description: 'Falls are counted, but the data go nowhere.',
      model: exampleModel(
        'Falls prevention network',
        [node('measure', 'me-falls', 'Falls per 1,000 bed days'), node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group' })],
      ),
    },
    passing: {
      description: 'Each ward sees its run chart monthly.',
      model: exampleModel(
        'Falls prevention network',
        [node('measure', 'me-falls', 'Falls per 1,000 bed days'), node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group' })],
        [['feeds-back', 'me-falls', 's-nurses', { format: 'run-chart', frequency: 'monthly' }]],
      ),
    },
  },
  check({ graph, report }) {
    if (graph.nodesOfKind('measure').some((m) => graph.out(m.id, 'feeds-back').length > 0)) return;
    report({
      message: 'No measure is fed back to anyone, so the data cannot prompt change',
      fix: 'Link the key measures with feeds-back to the clinicians or teams expected to change (for example a monthly run chart to each ward team).',
    });
  },
};

/** Roles of the people whose practice the programme expects to change. */
const PRACTICE_ROLES: ReadonlySet<string> = new Set(['site-lead', 'site-team', 'member-group']);
const PRACTICE_PARTICIPATION: ReadonlySet<string> = new Set(['participant', 'target', 'co-designer']);

export const feedbackReachesPractice: Rule = {
  meta: {
    id: 'feedback-reaches-practice',
    lesson: 6,
    severity: 'warning',
    title: 'Data reach the people expected to change',
    rationale: `${LESSON}: data prompt change when they reach the clinicians and teams whose practice is to change, so that professional pride and peer norms can work on them (${SOURCES.michigan}; ${SOURCES.tenChallenges}). Data fed back only to the core team, sponsors or funders support management but not this mechanism. Feedback counts as reaching practice when it goes to an activity or mechanism, or to a stakeholder who is a site lead, site team or member group or takes part in an activity as participant, target or co-designer.`,
    fix: 'Feed the data back to the clinicians or teams expected to change, or to the community activity where they meet.',
    failing: {
      description: 'The falls rate goes only to the board.',
      model: exampleModel(
        'Falls prevention network',
        [node('measure', 'me-falls', 'Falls per 1,000 bed days'), node('stakeholder', 's-board', 'Trust board', { role: 'executive-sponsor' })],
        [['feeds-back', 'me-falls', 's-board', { format: 'dashboard' }]],
      ),
    },
    passing: {
      description: 'Ward teams see their own run chart.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('measure', 'me-falls', 'Falls per 1,000 bed days'),
          node('stakeholder', 's-board', 'Trust board', { role: 'executive-sponsor' }),
          node('stakeholder', 's-wards', 'Ward nursing teams', { role: 'site-team', profession: 'nursing' }),
        ],
        [
          ['feeds-back', 'me-falls', 's-board', { format: 'dashboard' }],
          ['feeds-back', 'me-falls', 's-wards', { format: 'run-chart' }],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    const audiences: NodeOfKind<'stakeholder'>[] = [];
    for (const measure of graph.nodesOfKind('measure')) {
      for (const audience of graph.successors(measure.id, 'feeds-back')) {
        if (audience.kind !== 'stakeholder') return; // an activity or mechanism of the members
        const takesPart = outEdges(graph, audience.id, 'participates-in').some((e) => e.as !== undefined && PRACTICE_PARTICIPATION.has(e.as));
        if (takesPart || (audience.role !== undefined && PRACTICE_ROLES.has(audience.role))) return;
        if (!audiences.includes(audience)) audiences.push(audience);
      }
    }
    if (audiences.length === 0) return; // no feedback at all: feedback-loop reports it
    const unroled = audiences.filter((a) => a.role === undefined);
    if (unroled.length > 0) {
      for (const audience of unroled) needsAttribute(audience, 'role');
      return;
    }
    report({
      message: `Data are fed back only to ${labelList(audiences)}, not to the clinicians or teams expected to change`,
      nodeId: audiences[0]!.id,
      fix: 'Feed the key measures back to the site teams or member groups whose practice is to change, or to the community activity where they meet.',
    });
  },
};

export const measureTypesBalanced: Rule = {
  meta: {
    id: 'measure-types-balanced',
    lesson: 6,
    severity: 'warning',
    title: 'Process and balancing measures sit beside outcome measures',
    rationale: `${LESSON}: measuring only outcomes misses whether the changes are being made (process) and what they cost elsewhere (balancing, unintended effects) (${SOURCES.tenChallenges}). A model with measures should have at least one of measureType process and one of measureType balancing.`,
    fix: 'Add a process measure (are the changes being made?) and a balancing measure (what else changes?) beside the outcome measures.',
    failing: {
      description: 'Only an outcome measure.',
      model: exampleModel('Falls prevention network', [node('measure', 'me-falls', 'Falls per 1,000 bed days', { measureType: 'outcome' })]),
    },
    passing: {
      description: 'Outcome, process and balancing measures.',
      model: exampleModel('Falls prevention network', [
        node('measure', 'me-falls', 'Falls per 1,000 bed days', { measureType: 'outcome' }),
        node('measure', 'me-checks', 'Admissions with a falls check within 24 hours', { measureType: 'process' }),
        node('measure', 'me-restraint', 'Use of bed rails and restraint', { measureType: 'balancing' }),
      ]),
    },
  },
  check({ graph, report, needsAttribute }) {
    const measures = graph.nodesOfKind('measure');
    if (measures.length === 0) return; // outcomes-measured reports the absence of measures
    const types = new Set(measures.map((m) => m.measureType));
    const missing = (['process', 'balancing'] as const).filter((type) => !types.has(type));
    if (missing.length === 0) return;
    if (types.has(undefined)) {
      for (const measure of measures) if (measure.measureType === undefined) needsAttribute(measure, 'measureType');
      return;
    }
    for (const type of missing) {
      report({
        message:
          type === 'process'
            ? 'No process measure shows whether the changes are actually being made'
            : 'No balancing measure watches for unintended effects of the changes',
        fix:
          type === 'process'
            ? 'Add a process measure (for example the share of patients who received the bundle) beside the outcome measures.'
            : 'Add a balancing measure that watches for harm or extra burden elsewhere (for example restraint use or staff time).',
      });
    }
  },
};

export const measureOwned: Rule = {
  meta: {
    id: 'measure-owned',
    lesson: 6,
    severity: 'warning',
    title: 'Every measure has an owner',
    rationale: `${LESSON}: data are credible and timely when someone is responsible for collecting, checking and feeding them back (${SOURCES.michigan}; ${SOURCES.healthFoundation}).`,
    fix: 'Link the stakeholder responsible for each measure to it with owns.',
    failing: {
      description: 'Nobody owns the falls measure.',
      model: exampleModel('Falls prevention network', [node('measure', 'me-falls', 'Falls per 1,000 bed days')]),
    },
    passing: {
      description: 'The network analyst owns it.',
      model: exampleModel(
        'Falls prevention network',
        [node('measure', 'me-falls', 'Falls per 1,000 bed days'), node('stakeholder', 's-analyst', 'Network data analyst', { role: 'data-analyst' })],
        [['owns', 's-analyst', 'me-falls']],
      ),
    },
  },
  check({ graph, report }) {
    for (const measure of graph.nodesOfKind('measure')) {
      if (hasIncoming(graph, measure.id, 'owns', 'stakeholder')) continue;
      report({
        message: `${named(measure)} has no owner`,
        nodeId: measure.id,
        fix: `Link the stakeholder responsible for collecting and feeding back ${quoted(measure.label)} to it with owns.`,
      });
    }
  },
};

export const comparisonSafeguarded: Rule = {
  meta: {
    id: 'comparison-safeguarded',
    lesson: 6,
    severity: 'warning',
    title: 'Named comparisons come with safeguards',
    rationale: `${LESSON}: comparisons with peers can drive change through professional pride, but named comparisons and league tables used punitively provoke gaming and defensiveness (${SOURCES.tenChallenges}; ${SOURCES.michigan}). When a measure is fed back as a named comparison or league table, the model should mitigate a risk of gaming or defensiveness.`,
    fix: 'Add a risk of gaming or defensiveness with a mitigating activity (for example data validation and an agreement on non-punitive use), or use blinded comparisons.',
    failing: {
      description: 'A league table with no safeguard.',
      model: exampleModel(
        'Falls prevention network',
        [node('measure', 'me-falls', 'Falls per 1,000 bed days'), node('stakeholder', 's-wards', 'Ward managers', { role: 'site-lead' })],
        [['feeds-back', 'me-falls', 's-wards', { format: 'league-table' }]],
      ),
    },
    passing: {
      description: 'Data validation mitigates the gaming risk.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('measure', 'me-falls', 'Falls per 1,000 bed days'),
          node('stakeholder', 's-wards', 'Ward managers', { role: 'site-lead' }),
          node('risk', 'r-gaming', 'Wards under-report falls to climb the table', { risk: 'gaming' }),
          node('activity', 'a-validate', 'Quarterly data validation against incident records', { category: 'data-collection' }),
        ],
        [
          ['feeds-back', 'me-falls', 's-wards', { format: 'league-table' }],
          ['mitigates', 'a-validate', 'r-gaming'],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (facts.hasMitigatedRisk(['gaming', 'defensiveness'])) return;
    for (const measure of graph.nodesOfKind('measure')) {
      for (const edge of outEdges(graph, measure.id, 'feeds-back')) {
        if (edge.format === undefined) needsAttribute(edge, 'format');
        if (edge.format === undefined || !COMPARISON_FORMATS.has(edge.format)) continue;
        const audience = graph.node(edge.target);
        const shown = edge.format === 'league-table' ? 'a league table' : 'a named comparison';
        report({
          message: `${named(measure)} is fed back as ${shown}${audience ? ` to ${quoted(audience.label)}` : ''}, but no gaming or defensiveness risk is mitigated`,
          nodeId: measure.id,
          edgeId: edge.id,
          fix: 'Add a risk of gaming or defensiveness with a mitigating activity (for example data validation and non-punitive use), or feed back a blinded comparison.',
        });
      }
    }
  },
};

export const measureBurden: Rule = {
  meta: {
    id: 'measure-burden',
    lesson: 6,
    severity: 'info',
    title: 'High-burden measures have a plan',
    rationale: `${LESSON}: data must be affordable to collect; measurement that crowds out the improvement work itself loses the goodwill of the clinicians who collect it (${SOURCES.tenChallenges}; ${SOURCES.healthFoundation}). A measure of high burden should come with a mitigated data-burden risk.`,
    fix: 'Use an existing data source or sampling, or name a data-burden risk and the activity that mitigates it.',
    failing: {
      description: 'A daily hand count with no plan to contain the burden.',
      model: exampleModel('Falls prevention network', [node('measure', 'me-checks', 'Daily manual count of falls checks', { burden: 'high' })]),
    },
    passing: {
      description: 'The burden is a named, mitigated risk.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('measure', 'me-checks', 'Daily manual count of falls checks', { burden: 'high' }),
          node('risk', 'r-burden', 'Counting crowds out care on busy wards', { risk: 'data-burden' }),
          node('activity', 'a-sample', 'Sample ten admissions a week instead of all', { category: 'data-collection' }),
        ],
        [['mitigates', 'a-sample', 'r-burden']],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (facts.hasMitigatedRisk(['data-burden'])) return;
    for (const measure of graph.nodesOfKind('measure')) {
      if (measure.burden === undefined) needsAttribute(measure, 'burden');
      if (measure.burden !== 'high') continue;
      report({
        message: `${named(measure)} is a high burden to collect, and no data-burden risk is mitigated`,
        nodeId: measure.id,
        fix: `Use an existing data source or a sample for ${quoted(measure.label)}, or name a data-burden risk and the activity that mitigates it.`,
      });
    }
  },
};

export const DATA_RULES: readonly Rule[] = [outcomesMeasured, measureDefined, feedbackLoop, feedbackReachesPractice, measureTypesBalanced, measureOwned, comparisonSafeguarded, measureBurden];
