// Lesson 7: balance between "hard" and "soft" strategies.
import { exampleModel, node } from '../example';
import { labelList, ownersOf, quoted, WEAK_EVIDENCE } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(7);

export const activityStrategySet: Rule = {
  meta: {
    id: 'activity-strategy-set',
    lesson: 7,
    severity: 'info',
    title: 'Activities say whether they are hard or soft',
    rationale: `${LESSON}: soft strategies (persuasion, education, peer norms, shared ownership) build commitment and hard ones (requirements, mandatory data submission, sanctions) create traction; a model should say which is which so the balance can be judged (${SOURCES.tenChallenges}; ${SOURCES.optimising}). Each activity with no strategy is reported, or the model once when no activity has one.`,
    fix: 'Set the strategy of each activity: hard, soft or mixed.',
    failing: {
      description: 'No strategy set.',
      model: exampleModel('Sepsis bundle programme', [node('activity', 'a-bundle', 'Sepsis six bundle')]),
    },
    passing: {
      description: 'The bundle is a hard requirement.',
      model: exampleModel('Sepsis bundle programme', [node('activity', 'a-bundle', 'Sepsis six bundle', { strategy: 'hard' })]),
    },
  },
  check({ graph, needsAttribute }) {
    for (const activity of graph.nodesOfKind('activity')) if (activity.strategy === undefined) needsAttribute(activity, 'strategy');
  },
};

export const strategyBalance: Rule = {
  meta: {
    id: 'strategy-balance',
    lesson: 7,
    severity: 'warning',
    title: 'Hard and soft strategies are balanced',
    rationale: `${LESSON}: soft strategies alone may lack traction, and hard strategies alone erode ownership; the successful programmes combined them (${SOURCES.michigan}; ${SOURCES.tenChallenges}). The rule warns when every activity with a strategy is soft, or every one is hard (mixed counts as both).`,
    fix: 'Add the missing kind of strategy: a hard element where evidence is strong, or soft strategies that build ownership.',
    failing: {
      description: 'Everything is soft.',
      model: exampleModel('Sepsis bundle programme', [
        node('activity', 'a-teach', 'Sepsis teaching sessions', { strategy: 'soft' }),
        node('activity', 'a-stories', 'Patient stories at grand rounds', { strategy: 'soft' }),
      ]),
    },
    passing: {
      description: 'Teaching beside a required screening standard.',
      model: exampleModel('Sepsis bundle programme', [
        node('activity', 'a-teach', 'Sepsis teaching sessions', { strategy: 'soft' }),
        node('activity', 'a-screen', 'Required sepsis screening on triage', { strategy: 'hard' }),
      ]),
    },
  },
  check({ graph, report, needsAttribute }) {
    const activities = graph.nodesOfKind('activity');
    const hasSoft = activities.some((a) => a.strategy === 'soft' || a.strategy === 'mixed');
    const hasHard = activities.some((a) => a.strategy === 'hard' || a.strategy === 'mixed');
    if (hasSoft === hasHard) return; // balanced, or no strategy set at all (activity-strategy-set says so)
    const unset = activities.filter((a) => a.strategy === undefined);
    if (unset.length > 0) {
      for (const activity of unset) needsAttribute(activity, 'strategy');
      return;
    }
    const which = hasSoft ? 'soft' : 'hard';
    const n = activities.length;
    const all = n === 1 ? `The only activity is a ${which} strategy` : `${n === 2 ? 'Both activities are' : `All ${n} activities are`} ${which} strategies`;
    report(
      hasSoft
        ? {
            message: `${all}; nothing gives the programme traction`,
            fix: 'Add a hard element where the evidence is strong, such as an agreed standard or mandatory data submission, beside the soft work.',
          }
        : {
            message: `${all}; nothing builds commitment and ownership`,
            fix: 'Balance the requirements with soft strategies (education, peer comparison, shared ownership) so members commit rather than comply.',
          },
    );
  },
};

export const hardStrategyEvidence: Rule = {
  meta: {
    id: 'hard-strategy-evidence',
    lesson: 7,
    severity: 'warning',
    title: 'Hard strategies rest on strong evidence',
    rationale: `${LESSON}: requiring an intervention whose evidence is weak erodes ownership and invites resistance; hard tactics should be kept for interventions with strong evidence or clinical endorsement (${SOURCES.tenChallenges}; ${SOURCES.michigan}). The rule warns on each hard activity whose evidenceStrength is low or unknown.`,
    fix: 'Make the activity soft until its evidence is stronger, or cite the evidence that supports requiring it and set evidenceStrength.',
    failing: {
      description: 'A mandated checklist with weak evidence.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-checklist', 'Mandatory hourly rounding checklist', { strategy: 'hard', evidenceStrength: 'low' })]),
    },
    passing: {
      description: 'The mandated bundle has strong evidence.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-bundle', 'Multifactorial falls risk assessment', { strategy: 'hard', evidenceStrength: 'high' })]),
    },
  },
  check({ facts, report, needsAttribute }) {
    for (const activity of facts.hardActivities) {
      if (activity.evidenceStrength === undefined) needsAttribute(activity, 'evidenceStrength');
      if (activity.evidenceStrength === undefined || !WEAK_EVIDENCE.has(activity.evidenceStrength)) continue;
      report({
        message: `Hard strategy ${quoted(activity.label)} rests on ${activity.evidenceStrength === 'low' ? 'weak' : 'unknown'} evidence`,
        nodeId: activity.id,
        fix: `Make ${quoted(activity.label)} soft (invite rather than require) until its evidence is stronger, or cite the evidence that supports requiring it.`,
      });
    }
  },
};

export const hardStrategyClinicalLead: Rule = {
  meta: {
    id: 'hard-strategy-clinical-lead',
    lesson: 7,
    severity: 'info',
    title: 'A clinical lead stands behind each hard strategy',
    rationale: `${LESSON}: hard tactics are accepted when clinicians see them as their own profession's standard; clinical endorsement is what separates a professional norm from a management imposition (${SOURCES.michigan}; ${SOURCES.optimising}). Each hard activity should have an owner with role clinical-lead.`,
    fix: 'Make a clinical lead an owner of each hard activity.',
    failing: {
      description: 'The programme manager alone owns the mandate.',
      model: exampleModel(
        'Sepsis bundle programme',
        [node('activity', 'a-screen', 'Required sepsis screening on triage', { strategy: 'hard' }), node('stakeholder', 's-pm', 'Programme manager', { role: 'programme-manager' })],
        [['owns', 's-pm', 'a-screen']],
      ),
    },
    passing: {
      description: 'The clinical lead co-owns it.',
      model: exampleModel(
        'Sepsis bundle programme',
        [
          node('activity', 'a-screen', 'Required sepsis screening on triage', { strategy: 'hard' }),
          node('stakeholder', 's-pm', 'Programme manager', { role: 'programme-manager' }),
          node('stakeholder', 's-lead', 'Emergency medicine clinical lead', { role: 'clinical-lead', profession: 'medicine' }),
        ],
        [
          ['owns', 's-pm', 'a-screen'],
          ['owns', 's-lead', 'a-screen'],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    for (const activity of facts.hardActivities) {
      const owners = ownersOf(graph, activity.id);
      if (owners.some((o) => o.role === 'clinical-lead')) continue;
      const unroled = owners.filter((o) => o.role === undefined);
      if (unroled.length > 0) {
        for (const owner of unroled) needsAttribute(owner, 'role');
        continue;
      }
      report({
        message: `Hard strategy ${quoted(activity.label)} has no clinical lead among its owners`,
        nodeId: activity.id,
        fix: `Make a clinical lead an owner of ${quoted(activity.label)}, so the requirement carries clinical endorsement.`,
      });
    }
  },
};

export const resistanceRiskHandled: Rule = {
  meta: {
    id: 'resistance-risk-handled',
    lesson: 7,
    severity: 'warning',
    title: 'Hard strategies come with a plan for resistance',
    rationale: `${LESSON}: requirements, mandatory data submission and sanctions create traction but provoke resistance: gaming, defensiveness or quiet disengagement (${SOURCES.tenChallenges}). When any activity is hard, the model should mitigate a risk of gaming, defensiveness or disengagement.`,
    fix: 'Name the risk of gaming, defensiveness or disengagement that the requirements provoke, and link the activity that mitigates it.',
    failing: {
      description: 'A mandate with no plan for resistance.',
      model: exampleModel('Sepsis bundle programme', [node('activity', 'a-screen', 'Required sepsis screening on triage', { strategy: 'hard' })]),
    },
    passing: {
      description: 'Peer review of screening data mitigates the risk of gaming.',
      model: exampleModel(
        'Sepsis bundle programme',
        [
          node('activity', 'a-screen', 'Required sepsis screening on triage', { strategy: 'hard' }),
          node('risk', 'r-gaming', 'Screening boxes ticked without screening', { risk: 'gaming' }),
          node('activity', 'a-review', 'Clinician-led peer review of screening records', { strategy: 'soft' }),
        ],
        [['mitigates', 'a-review', 'r-gaming']],
      ),
    },
  },
  check({ facts, report, needsAttribute }) {
    const hard = facts.hardActivities;
    if (hard.length === 0 || facts.hasMitigatedRisk(['gaming', 'defensiveness', 'disengagement'])) return;
    if (facts.untypedRisks.length > 0) {
      for (const risk of facts.untypedRisks) needsAttribute(risk, 'risk');
      return;
    }
    report({
      message: `Hard strategies are planned (${labelList(hard)}), but no risk of gaming, defensiveness or disengagement is mitigated`,
      nodeId: hard[0]!.id,
      fix: 'Name the risk of gaming, defensiveness or disengagement that the requirements provoke, and link the activity that mitigates it.',
    });
  },
};

export const STRATEGY_RULES: readonly Rule[] = [activityStrategySet, strategyBalance, hardStrategyEvidence, hardStrategyClinicalLead, resistanceRiskHandled];
