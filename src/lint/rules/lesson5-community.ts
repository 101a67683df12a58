// Lesson 5: fostering a sense of community.
import type { NodeOfKind } from '../../model';
import { exampleModel, node } from '../example';
import { inEdges, isBlank, isCommunityActivity, isCommunityMechanism, labelList, linked, mention, named, quoted, VOICED_PARTICIPATION } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(5);
const COMMUNITY_MECHANISM_NAMES = 'shared identity, social learning, reciprocity and trust, or peer norming';

export const conveningBuildsCommunity: Rule = {
  meta: {
    id: 'convening-builds-community',
    lesson: 5,
    severity: 'warning',
    title: 'Convening builds a community mechanism',
    rationale: `${LESSON}: peer influence depends on shared identity, trust and reciprocity, which have to be built by regular convening and common goals (${SOURCES.michigan}; ${SOURCES.healthFoundation}). The rule looks for an activity of category convening or community-building with a leads-to path to a mechanism of type ${COMMUNITY_MECHANISM_NAMES}.`,
    fix: 'Link a recurring convening activity through leads-to to the community mechanism it builds, such as shared identity or peer norming.',
    failing: {
      description: 'The network meets, but the meetings lead only to an output.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-meet', 'Quarterly network meetings', { category: 'convening', frequency: 'quarterly' }), node('output', 'op-minutes', 'Meeting minutes circulated')],
        [['leads-to', 'a-meet', 'op-minutes']],
      ),
    },
    passing: {
      description: 'The meetings build a shared identity.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-meet', 'Quarterly network meetings', { category: 'convening', frequency: 'quarterly' }),
          node('mechanism', 'm-identity', 'Ward nurses see themselves as one falls community', { mechanism: 'shared-identity', direction: 'horizontal' }),
        ],
        [['leads-to', 'a-meet', 'm-identity']],
      ),
    },
  },
  check({ model, graph, facts, report, needsAttribute }) {
    const activities = graph.nodesOfKind('activity');
    const convening = activities.filter(isCommunityActivity);
    if (convening.length === 0) {
      const uncategorised = activities.filter((a) => a.category === undefined);
      if (uncategorised.length > 0) {
        for (const activity of uncategorised) needsAttribute(activity, 'category');
        return;
      }
      report({
        message: 'No convening or community-building activity builds the community',
        fix: `Add a recurring convening activity (category convening) and link it through leads-to to the mechanism it builds (${COMMUNITY_MECHANISM_NAMES}).`,
      });
      return;
    }
    const untyped: NodeOfKind<'mechanism'>[] = [];
    const marks = facts.reach(convening, 'forward');
    for (let at = 0; at < marks.length; at++) {
      const reached = model.nodes[at]!;
      if (marks[at] === 0 || reached.kind !== 'mechanism') continue;
      if (isCommunityMechanism(reached)) return;
      if (reached.mechanism === undefined) untyped.push(reached);
    }
    if (untyped.length > 0) {
      for (const mechanism of untyped) needsAttribute(mechanism, 'mechanism');
      return;
    }
    report({
      message: `${convening.length === 1 ? 'The community activity' : 'The community activities'} ${labelList(convening)} ${convening.length === 1 ? 'leads' : 'lead'} to no community mechanism (${COMMUNITY_MECHANISM_NAMES})`,
      nodeId: convening[0]!.id,
      fix: `Link ${quoted(convening[0]!.label)} through leads-to to the community mechanism it builds, such as shared identity or peer norming.`,
    });
  },
};

export const conveningRecurring: Rule = {
  meta: {
    id: 'convening-recurring',
    lesson: 5,
    severity: 'info',
    title: 'Community activities say how often they happen',
    rationale: `${LESSON}: shared identity and peer norms are strengthened by regular convening, and fading attendance is a known failure mode (${SOURCES.healthFoundation}). A convening or community-building activity should say how often it happens.`,
    fix: 'Set the frequency of each convening and community-building activity (for example monthly).',
    failing: {
      description: 'The meetings have no frequency.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-meet', 'Network meetings', { category: 'convening' })]),
    },
    passing: {
      description: 'The meetings are quarterly.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-meet', 'Network meetings', { category: 'convening', frequency: 'quarterly' })]),
    },
  },
  check({ graph, report }) {
    for (const activity of graph.nodesOfKind('activity')) {
      if (!isCommunityActivity(activity) || !isBlank(activity.frequency)) continue;
      report({
        message: `The community activity ${quoted(activity.label)} does not say how often it happens`,
        nodeId: activity.id,
        fix: `Set the frequency of ${quoted(activity.label)} (for example monthly), so the community meets regularly.`,
      });
    }
  },
};

export const communityParticipation: Rule = {
  meta: {
    id: 'community-participation',
    lesson: 5,
    severity: 'warning',
    title: 'Members take part in the community activities',
    rationale: `${LESSON}: a community exists through its members taking part; free-riding and fading attendance are the failure modes (${SOURCES.healthFoundation}). Each convening or community-building activity should have stakeholders who take part as participant or co-designer, not only facilitators or targets.`,
    fix: 'Link the member groups who take part in each community activity with participates-in (as participant or co-designer).',
    failing: {
      description: 'Only the core team, as facilitator, is linked to the meetings.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-meet', 'Network meetings', { category: 'convening', frequency: 'quarterly' }), node('stakeholder', 's-core', 'Network core team', { role: 'core-team' })],
        [['participates-in', 's-core', 'a-meet', { as: 'facilitator' }]],
      ),
    },
    passing: {
      description: 'Ward nurses take part.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-meet', 'Network meetings', { category: 'convening', frequency: 'quarterly' }),
          node('stakeholder', 's-core', 'Network core team', { role: 'core-team' }),
          node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group', profession: 'nursing' }),
        ],
        [
          ['participates-in', 's-core', 'a-meet', { as: 'facilitator' }],
          ['participates-in', 's-nurses', 'a-meet', { as: 'participant' }],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const activity of graph.nodesOfKind('activity')) {
      if (!isCommunityActivity(activity)) continue;
      const participations = inEdges(graph, activity.id, 'participates-in');
      if (participations.some((e) => e.as !== undefined && VOICED_PARTICIPATION.has(e.as))) continue;
      const unspecified = participations.filter((e) => e.as === undefined);
      if (unspecified.length > 0) {
        for (const edge of unspecified) needsAttribute(edge, 'as');
        continue;
      }
      report({
        message: `Nobody takes part as a member in the community activity ${quoted(activity.label)}`,
        nodeId: activity.id,
        fix: `Link the member groups who take part in ${quoted(activity.label)} with participates-in (as participant or co-designer).`,
      });
    }
  },
};

export const sharedMeasureDefinitions: Rule = {
  meta: {
    id: 'shared-measure-definitions',
    lesson: 5,
    severity: 'warning',
    title: 'Measures compared across sites share a definition',
    rationale: `${LESSON}: common goals and common measures strengthen peer norms, and comparisons between sites are credible only when every site counts the same thing (${SOURCES.michigan}; ${SOURCES.tenChallenges}). In a model with two or more sites, each measure of an outcome or the impact should have sharedDefinition true.`,
    fix: 'Agree one definition of each outcome measure for all sites and set sharedDefinition to true.',
    failing: {
      description: 'Two sites, and each counts falls its own way.',
      model: exampleModel(
        'Falls prevention network',
        [node('outcome', 'o-falls', 'Fewer falls on participating wards'), node('measure', 'me-falls', 'Falls per 1,000 bed days', { sharedDefinition: false })],
        [['measures', 'me-falls', 'o-falls']],
        { community: { sites: [{ id: 'north', name: 'North General' }, { id: 'south', name: 'South District' }] } },
      ),
    },
    passing: {
      description: 'Both sites use one definition.',
      model: exampleModel(
        'Falls prevention network',
        [node('outcome', 'o-falls', 'Fewer falls on participating wards'), node('measure', 'me-falls', 'Falls per 1,000 bed days', { sharedDefinition: true })],
        [['measures', 'me-falls', 'o-falls']],
        { community: { sites: [{ id: 'north', name: 'North General' }, { id: 'south', name: 'South District' }] } },
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (!facts.multiSite) return;
    for (const measure of graph.nodesOfKind('measure')) {
      const measured = graph.out(measure.id, 'measures').map((e) => graph.node(e.target)?.kind);
      if (!measured.includes('outcome') && !measured.includes('impact')) continue;
      if (measure.sharedDefinition === undefined) needsAttribute(measure, 'sharedDefinition');
      if (measure.sharedDefinition !== false) continue;
      report({
        message: `${named(measure)} is compared across ${facts.siteIds.size} sites, but its definition is not shared`,
        nodeId: measure.id,
        fix: `Agree one definition of ${quoted(measure.label)} for all sites and set sharedDefinition to true.`,
      });
    }
  },
};

export const engagementMeasured: Rule = {
  meta: {
    id: 'engagement-measured',
    lesson: 5,
    severity: 'info',
    title: 'Someone can see whether the community is working',
    rationale: `${LESSON}: shared identity and peer norms can fade without anyone noticing; an engagement measure (attendance, contributions, reciprocity) shows whether the community mechanism is working (${SOURCES.healthFoundation}). The rule looks for a measure of type engagement on each community mechanism or on an activity that leads straight to it.`,
    fix: 'Add an engagement measure (for example attendance per site) and link it to the community mechanism or its convening activity with measures.',
    failing: {
      description: 'Nothing measures the community mechanism.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-meet', 'Network meetings', { category: 'convening', frequency: 'quarterly' }),
          node('mechanism', 'm-identity', 'Ward nurses see themselves as one falls community', { mechanism: 'shared-identity', direction: 'horizontal' }),
        ],
        [['leads-to', 'a-meet', 'm-identity']],
      ),
    },
    passing: {
      description: 'Attendance at the meetings is measured.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-meet', 'Network meetings', { category: 'convening', frequency: 'quarterly' }),
          node('mechanism', 'm-identity', 'Ward nurses see themselves as one falls community', { mechanism: 'shared-identity', direction: 'horizontal' }),
          node('measure', 'me-attend', 'Wards represented at each meeting', { measureType: 'engagement' }),
        ],
        [
          ['leads-to', 'a-meet', 'm-identity'],
          ['measures', 'me-attend', 'a-meet'],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const mechanism of graph.nodesOfKind('mechanism')) {
      if (!isCommunityMechanism(mechanism)) continue;
      const feeders = linked(graph, mechanism.id, 'leads-to', 'in', 'activity');
      const measures = [mechanism, ...feeders].flatMap((n) => linked(graph, n.id, 'measures', 'in', 'measure'));
      if (measures.some((m) => m.measureType === 'engagement')) continue;
      const untyped = measures.filter((m) => m.measureType === undefined);
      if (untyped.length > 0) {
        for (const measure of untyped) needsAttribute(measure, 'measureType');
        continue;
      }
      report({
        message: `Nothing measures whether the community mechanism ${quoted(mechanism.label)} is working (no engagement measure)`,
        nodeId: mechanism.id,
        fix: `Add an engagement measure (for example attendance or contributions per site) on ${quoted(mechanism.label)} or on ${feeders[0] ? mention(feeders[0]) : 'the activity that builds it'}.`,
      });
    }
  },
};

export const COMMUNITY_RULES: readonly Rule[] = [conveningBuildsCommunity, conveningRecurring, communityParticipation, sharedMeasureDefinitions, engagementMeasured];
