// Lesson 4: dealing with conflict and marginalisation.
import { exampleModel, node } from '../example';
import { hasIncoming, joinAnd, linked, mention, named, outEdges, quoted, VOICED_PARTICIPATION } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(4);

export const conflictRiskHandled: Rule = {
  meta: {
    id: 'conflict-risk-handled',
    lesson: 4,
    severity: 'warning',
    title: 'A community across professions or sites plans for conflict',
    rationale: `${LESSON}: communities bring together professions and organisations of unequal status and different interests, and hierarchies and rivalries produce conflict (${SOURCES.optimising}; ${SOURCES.tenChallenges}). When the stakeholders span more than one profession or the community more than one site, the model should name a conflict risk and how it is handled.`,
    fix: 'Add a risk of type conflict and link the activity that handles it (for example facilitated interprofessional meetings) with mitigates.',
    failing: {
      description: 'Doctors and nurses take part; no conflict risk is named.',
      model: exampleModel('Sepsis bundle programme', [
        node('stakeholder', 's-doctors', 'Emergency physicians', { role: 'member-group', profession: 'medicine' }),
        node('stakeholder', 's-nurses', 'Emergency nurses', { role: 'member-group', profession: 'nursing' }),
      ]),
    },
    passing: {
      description: 'The conflict risk is mitigated by facilitated meetings.',
      model: exampleModel(
        'Sepsis bundle programme',
        [
          node('stakeholder', 's-doctors', 'Emergency physicians', { role: 'member-group', profession: 'medicine' }),
          node('stakeholder', 's-nurses', 'Emergency nurses', { role: 'member-group', profession: 'nursing' }),
          node('risk', 'r-conflict', 'Doctors and nurses disagree about who starts the bundle', { risk: 'conflict' }),
          node('activity', 'a-meetings', 'Facilitated interprofessional meetings', { category: 'conflict-management' }),
        ],
        [
          ['mitigates', 'a-meetings', 'r-conflict'],
          ['threatens', 'r-conflict', 's-nurses'],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (!facts.multiSite && !facts.multiProfessional) {
      for (const stakeholder of graph.nodesOfKind('stakeholder')) if (stakeholder.profession === undefined) needsAttribute(stakeholder, 'profession');
      return;
    }
    if (facts.hasMitigatedRisk(['conflict'])) return;
    if (facts.untypedRisks.length > 0) {
      for (const risk of facts.untypedRisks) needsAttribute(risk, 'risk');
      return;
    }
    const spans = [];
    const professions = [...facts.professions].filter((p) => p !== 'mixed').sort();
    if (facts.multiProfessional) spans.push(professions.length >= 2 ? `${professions.length} professions (${professions.join(', ')})` : 'several professions');
    if (facts.multiSite) spans.push(`${facts.siteIds.size} sites`);
    const unmitigated = graph.nodesOfKind('risk').find((r) => r.risk === 'conflict');
    report({
      message: unmitigated
        ? `The community spans ${joinAnd(spans)}, but nothing mitigates the conflict risk ${quoted(unmitigated.label)}`
        : `The community spans ${joinAnd(spans)}, but no conflict risk is named and mitigated`,
      nodeId: unmitigated?.id,
      fix: unmitigated
        ? `Link the activity that handles ${quoted(unmitigated.label)} (for example facilitated interprofessional meetings) to it with mitigates.`
        : 'Add a risk of type conflict, link what it threatens, and link the activity that handles it with mitigates.',
    });
  },
};

export const marginalisationHandled: Rule = {
  meta: {
    id: 'marginalisation-handled',
    lesson: 4,
    severity: 'warning',
    title: 'Groups at risk of marginalisation are protected',
    rationale: `${LESSON}: hierarchies can push some members to the margins, and those whose practice must change may have no voice (${SOURCES.optimising}). A stakeholder marked atRiskOfMarginalisation needs a marginalisation risk that a named activity mitigates — one that threatens that group, or one that threatens no group in particular.`,
    fix: 'Add a risk of type marginalisation that threatens the group, and an activity that mitigates it (for example co-design sessions or rotating chairs).',
    failing: {
      description: 'Healthcare assistants are at risk of marginalisation; nothing protects them.',
      model: exampleModel('Falls prevention network', [
        node('stakeholder', 's-hca', 'Healthcare assistants', { role: 'member-group', profession: 'other', atRiskOfMarginalisation: true }),
      ]),
    },
    passing: {
      description: 'Co-design sessions mitigate the risk that threatens them.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-hca', 'Healthcare assistants', { role: 'member-group', profession: 'other', atRiskOfMarginalisation: true }),
          node('risk', 'r-voice', 'Healthcare assistants are not heard in huddles', { risk: 'marginalisation' }),
          node('activity', 'a-codesign', 'Co-design sessions led by healthcare assistants', { category: 'community-building' }),
        ],
        [
          ['threatens', 'r-voice', 's-hca'],
          ['mitigates', 'a-codesign', 'r-voice'],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    const atRisk = graph.nodesOfKind('stakeholder').filter((s) => s.atRiskOfMarginalisation === true);
    if (atRisk.length === 0) return;
    const protecting = facts.mitigatedRisks.filter((r) => r.risk === 'marginalisation');
    const general = protecting.some((r) => linked(graph, r.id, 'threatens', 'out', 'stakeholder').length === 0);
    if (general) return;
    const protectedGroups = new Set(protecting.flatMap((r) => linked(graph, r.id, 'threatens', 'out', 'stakeholder').map((s) => s.id)));
    const unprotected = atRisk.filter((group) => !protectedGroups.has(group.id));
    if (unprotected.length > 0 && facts.untypedRisks.length > 0) {
      for (const risk of facts.untypedRisks) needsAttribute(risk, 'risk');
      return;
    }
    for (const group of unprotected) {
      report({
        message: `${named(group)} is at risk of marginalisation, but no mitigated marginalisation risk covers them`,
        nodeId: group.id,
        fix: `Add a marginalisation risk that threatens ${quoted(group.label)}, and link an activity that mitigates it (for example co-design sessions or rotating chairs).`,
      });
    }
  },
};

export const voiceForTargets: Rule = {
  meta: {
    id: 'voice-for-targets',
    lesson: 4,
    severity: 'warning',
    title: 'Groups whose practice must change take part, not only receive',
    rationale: `${LESSON}: the people whose practice must change may have no voice in a community designed by others, and then resist or disengage (${SOURCES.optimising}). A stakeholder that participates only as a target of change should also take part as participant or co-designer somewhere.`,
    fix: 'Involve the group as a participant or co-designer in at least one activity.',
    failing: {
      description: 'Junior doctors are only the target of the bundle.',
      model: exampleModel(
        'Sepsis bundle programme',
        [node('stakeholder', 's-juniors', 'Junior doctors', { role: 'member-group', profession: 'medicine' }), node('activity', 'a-bundle', 'Sepsis six bundle')],
        [['participates-in', 's-juniors', 'a-bundle', { as: 'target' }]],
      ),
    },
    passing: {
      description: 'Junior doctors also co-design the bundle.',
      model: exampleModel(
        'Sepsis bundle programme',
        [
          node('stakeholder', 's-juniors', 'Junior doctors', { role: 'member-group', profession: 'medicine' }),
          node('activity', 'a-bundle', 'Sepsis six bundle'),
          node('activity', 'a-design', 'Bundle design workshops'),
        ],
        [
          ['participates-in', 's-juniors', 'a-bundle', { as: 'target' }],
          ['participates-in', 's-juniors', 'a-design', { as: 'co-designer' }],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const stakeholder of graph.nodesOfKind('stakeholder')) {
      const edges = outEdges(graph, stakeholder.id, 'participates-in');
      if (edges.some((e) => e.as !== undefined && VOICED_PARTICIPATION.has(e.as))) continue;
      const unspecified = edges.filter((e) => e.as === undefined);
      if (unspecified.length > 0) {
        for (const edge of unspecified) needsAttribute(edge, 'as');
        continue;
      }
      if (!edges.some((e) => e.as === 'target')) continue;
      const targetedBy = edges.flatMap((e) => graph.node(e.target) ?? []);
      report({
        message: `${named(stakeholder)} is only a target of change (of ${targetedBy.map(mention).join(', ')}) and never takes part as participant or co-designer`,
        nodeId: stakeholder.id,
        fix: `Involve ${quoted(stakeholder.label)} as a participant or co-designer in at least one activity (participates-in with as co-designer).`,
      });
    }
  },
};

export const riskMitigated: Rule = {
  meta: {
    id: 'risk-mitigated',
    lesson: 4,
    severity: 'warning',
    title: 'Every risk has a mitigation',
    rationale: `${LESSON}: naming conflict, marginalisation or disengagement is only half of dealing with it; the model should show what the programme does about each risk (${SOURCES.tenChallenges}).`,
    fix: 'Link the activity that reduces each risk to it with mitigates.',
    failing: {
      description: 'A named risk with no response.',
      model: exampleModel('Falls prevention network', [node('risk', 'r-fade', 'Attendance at huddles fades after six months', { risk: 'disengagement' })]),
    },
    passing: {
      description: 'Rotating the chair mitigates the risk.',
      model: exampleModel(
        'Falls prevention network',
        [node('risk', 'r-fade', 'Attendance at huddles fades after six months', { risk: 'disengagement' }), node('activity', 'a-rotate', 'Wards take turns to chair the huddle')],
        [['mitigates', 'a-rotate', 'r-fade']],
      ),
    },
  },
  check({ graph, report }) {
    for (const risk of graph.nodesOfKind('risk')) {
      if (hasIncoming(graph, risk.id, 'mitigates', 'activity')) continue;
      report({
        message: `${named(risk)} has no mitigation`,
        nodeId: risk.id,
        fix: `Link the activity that reduces ${quoted(risk.label)} to it with mitigates, or add one.`,
      });
    }
  },
};

export const CONFLICT_RULES: readonly Rule[] = [conflictRiskHandled, marginalisationHandled, voiceForTargets, riskMitigated];
