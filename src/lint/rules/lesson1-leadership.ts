// Lesson 1: co-ordination and leadership alongside the lateral influence of peers.
import { exampleModel, node } from '../example';
import { COORDINATION_CATEGORIES, hasIncoming, labelList, linked, named, quoted } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(1);

export const leadershipPresent: Rule = {
  meta: {
    id: 'leadership-present',
    lesson: 1,
    severity: 'error',
    title: 'Someone leads or co-ordinates the community',
    rationale: `${LESSON}: communities do not run themselves. The successful cases paired a credible core team and institutional backing with peer networks (${SOURCES.michigan}; ${SOURCES.healthFoundation}). A model with no core team, clinical lead or programme manager has nobody to hold the programme together.`,
    fix: 'Add the core team, clinical lead or programme manager as a stakeholder with that role.',
    failing: {
      description: 'The only stakeholder is a member group; nobody leads.',
      model: exampleModel(
        'Falls prevention network',
        [node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group', profession: 'nursing' }), node('activity', 'a-huddles', 'Monthly falls huddles')],
        [['participates-in', 's-nurses', 'a-huddles', { as: 'participant' }]],
      ),
    },
    passing: {
      description: 'A core team co-ordinates the network.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-core', 'Network core team', { role: 'core-team', profession: 'mixed' }),
          node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group', profession: 'nursing' }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
        ],
        [
          ['owns', 's-core', 'a-huddles'],
          ['participates-in', 's-nurses', 'a-huddles', { as: 'participant' }],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (facts.leaders.length > 0) return;
    const unknown = graph.nodesOfKind('stakeholder').filter((s) => s.role === undefined);
    if (unknown.length > 0) {
      for (const stakeholder of unknown) needsAttribute(stakeholder, 'role');
      return;
    }
    report({
      message: 'No stakeholder leads or co-ordinates the community (no core team, clinical lead or programme manager)',
      fix: 'Add the core team, clinical lead or programme manager as a stakeholder with that role, and make them owner of the co-ordination work.',
    });
  },
};

export const coordinationOwned: Rule = {
  meta: {
    id: 'coordination-owned',
    lesson: 1,
    severity: 'warning',
    title: 'A leader owns the co-ordination work',
    rationale: `${LESSON}: vertical and horizontal forces depend on each other, and the co-ordination that keeps a community going is work someone must own. The Michigan programme's core team did this work explicitly (${SOURCES.michigan}). The rule looks for an activity of category coordination or governance owned by a core team, clinical lead or programme manager.`,
    fix: 'Add the co-ordination activity (category coordination or governance) and link a leading stakeholder to it with owns.',
    failing: {
      description: 'The core team owns only a huddle; the co-ordination of the network is not shown.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-core', 'Network core team', { role: 'core-team' }),
          node('activity', 'a-huddles', 'Monthly falls huddles', { category: 'convening' }),
        ],
        [['owns', 's-core', 'a-huddles']],
      ),
    },
    passing: {
      description: 'The core team owns the co-ordination of the network.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-core', 'Network core team', { role: 'core-team' }),
          node('activity', 'a-coordinate', 'Network co-ordination and site support', { category: 'coordination' }),
        ],
        [['owns', 's-core', 'a-coordinate']],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (facts.leaders.length === 0) return; // leadership-present reports this
    const ledActivities = new Set<string>();
    const uncategorised = [];
    for (const leader of facts.leaders) {
      for (const edge of graph.out(leader.id, 'owns')) {
        const target = graph.node(edge.target);
        if (target?.kind !== 'activity' || ledActivities.has(target.id)) continue;
        ledActivities.add(target.id);
        if (target.category !== undefined && COORDINATION_CATEGORIES.has(target.category)) return;
        if (target.category === undefined) uncategorised.push(target);
      }
    }
    if (uncategorised.length > 0) {
      for (const activity of uncategorised) needsAttribute(activity, 'category');
      return;
    }
    const coordination = graph.nodesOfKind('activity').filter((a) => a.category !== undefined && COORDINATION_CATEGORIES.has(a.category));
    report({
      message:
        coordination.length > 0
          ? `No leading stakeholder owns the co-ordination ${coordination.length === 1 ? 'activity' : 'activities'} ${labelList(coordination)}`
          : `The leaders (${labelList(facts.leaders)}) own no co-ordination activity`,
      nodeId: coordination[0]?.id,
      fix:
        coordination.length > 0
          ? `Link ${quoted(facts.leaders[0]!.label)} (or another leader) to ${quoted(coordination[0]!.label)} with owns.`
          : `Add the co-ordination work as an activity (category coordination) and link ${quoted(facts.leaders[0]!.label)} to it with owns.`,
    });
  },
};

export const activityOwned: Rule = {
  meta: {
    id: 'activity-owned',
    lesson: 1,
    severity: 'warning',
    title: 'Every activity has an owner',
    rationale: `${LESSON}: peer influence alone does not get things done; each piece of work needs someone responsible for it (${SOURCES.healthFoundation}).`,
    fix: 'Link the stakeholder responsible for each activity to it with owns.',
    failing: {
      description: 'Nobody owns the huddles.',
      model: exampleModel(
        'Falls prevention network',
        [node('stakeholder', 's-core', 'Network core team', { role: 'core-team' }), node('activity', 'a-huddles', 'Monthly falls huddles')],
        [],
      ),
    },
    passing: {
      description: 'The core team owns the huddles.',
      model: exampleModel(
        'Falls prevention network',
        [node('stakeholder', 's-core', 'Network core team', { role: 'core-team' }), node('activity', 'a-huddles', 'Monthly falls huddles')],
        [['owns', 's-core', 'a-huddles']],
      ),
    },
  },
  check({ graph, report }) {
    for (const activity of graph.nodesOfKind('activity')) {
      if (hasIncoming(graph, activity.id, 'owns', 'stakeholder')) continue;
      report({
        message: `${named(activity)} has no owner`,
        nodeId: activity.id,
        fix: `Link the stakeholder responsible for ${quoted(activity.label)} to it with owns.`,
      });
    }
  },
};

export const peerMechanismPresent: Rule = {
  meta: {
    id: 'peer-mechanism-present',
    lesson: 1,
    severity: 'warning',
    title: 'At least one mechanism works peer to peer',
    rationale: `${LESSON}: horizontal influence between peers is what makes a community-based approach distinctive; without it the model describes a top-down programme (${SOURCES.optimising}). The rule looks for a mechanism with direction horizontal.`,
    fix: 'Add the peer mechanism the community relies on (for example peer norming or social learning) with direction horizontal.',
    failing: {
      description: 'The only mechanism is vertical accountability.',
      model: exampleModel('Sepsis bundle programme', [node('mechanism', 'm-acc', 'Teams account to the board', { mechanism: 'accountability', direction: 'vertical' })]),
    },
    passing: {
      description: 'Peer norming works horizontally.',
      model: exampleModel('Sepsis bundle programme', [node('mechanism', 'm-peer', 'Clinicians adopt the norms of respected peers', { mechanism: 'peer-norming', direction: 'horizontal' })]),
    },
  },
  check({ graph, report, needsAttribute }) {
    const mechanisms = graph.nodesOfKind('mechanism');
    if (mechanisms.some((m) => m.direction === 'horizontal')) return;
    const undirected = mechanisms.filter((m) => m.direction === undefined);
    if (undirected.length > 0) {
      for (const mechanism of undirected) needsAttribute(mechanism, 'direction');
      return;
    }
    report({
      message: 'No mechanism works peer to peer (direction horizontal), so the model does not show a community approach',
      fix: 'Add the peer mechanism the community relies on, such as peer norming or social learning, with direction horizontal, and link the community activities to it.',
    });
  },
};

export const verticalLinePresent: Rule = {
  meta: {
    id: 'vertical-line-present',
    lesson: 1,
    severity: 'warning',
    title: 'A vertical line runs beside the peer influence',
    rationale: `${LESSON}: vertical and horizontal forces depend on each other; peer networks worked where they were tied to a centre and to institutional backing (${SOURCES.michigan}; ${SOURCES.tenChallenges}). The rule looks for a reports-to line between stakeholders or a mechanism with direction vertical.`,
    fix: 'Add a reports-to line from the sites to the core team or sponsor, or a vertical mechanism such as accountability.',
    failing: {
      description: 'Only peer influence; nothing ties the sites to the centre.',
      model: exampleModel(
        'Sepsis bundle programme',
        [node('mechanism', 'm-peer', 'Clinicians adopt the norms of respected peers', { mechanism: 'peer-norming', direction: 'horizontal' })],
      ),
    },
    passing: {
      description: 'Site leads report to the core team.',
      model: exampleModel(
        'Sepsis bundle programme',
        [
          node('mechanism', 'm-peer', 'Clinicians adopt the norms of respected peers', { mechanism: 'peer-norming', direction: 'horizontal' }),
          node('stakeholder', 's-site', 'Site leads', { role: 'site-lead' }),
          node('stakeholder', 's-core', 'Programme core team', { role: 'core-team' }),
        ],
        [['reports-to', 's-site', 's-core']],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    const mechanisms = graph.nodesOfKind('mechanism');
    if (mechanisms.some((m) => m.direction === 'vertical')) return;
    const reportingLine = graph.nodesOfKind('stakeholder').some((s) => linked(graph, s.id, 'reports-to', 'out', 'stakeholder').length > 0);
    if (reportingLine) return;
    const undirected = mechanisms.filter((m) => m.direction === undefined);
    if (undirected.length > 0) {
      for (const mechanism of undirected) needsAttribute(mechanism, 'direction');
      return;
    }
    report({
      message: 'Nothing ties the community to a centre or sponsor: no reports-to line and no vertical mechanism',
      fix: 'Add a reports-to line from the site leads to the core team or executive sponsor, or a vertical mechanism such as accountability.',
    });
  },
};

export const LEADERSHIP_RULES: readonly Rule[] = [leadershipPresent, coordinationOwned, activityOwned, peerMechanismPresent, verticalLinePresent];
