// Approach fit (no lesson): does the community-based approach suit the problem? From the typology in
// the premise of Aveling et al. (2012) and lessons.md.
import { APPROACHES, PROBLEM_TYPES } from '../../model';
import { exampleModel, node } from '../example';
import { COLLABORATIVE_APPROACHES, joinAnd, quoted, WEAK_EVIDENCE } from '../helpers';
import { SOURCES } from '../lessons';
import type { Rule } from '../types';

const TYPOLOGY = `Aveling et al. (2012) describe several overlapping community-based approaches (communities of practice, quality-improvement collaboratives, clinical and managed clinical networks, the clinical-community model), each suited to different problems (see also ${SOURCES.optimising})`;

const APPROACH_NAMES: Record<(typeof APPROACHES)[number], string> = {
  'community-of-practice': 'community of practice',
  'qi-collaborative': 'quality-improvement collaborative',
  'clinical-network': 'clinical network',
  'managed-clinical-network': 'managed clinical network',
  'clinical-community': 'clinical community',
  'professional-movement': 'professional movement',
  other: 'community approach',
};

export const approachDeclared: Rule = {
  meta: {
    id: 'approach-declared',
    lesson: null,
    severity: 'info',
    title: 'The model declares its approach and problem type',
    rationale: `${TYPOLOGY}. Declaring the approach and the type of problem lets the approach-fit rules check that they suit each other.`,
    fix: 'Set community.approach and community.problemType.',
    failing: {
      description: 'Neither is declared.',
      model: exampleModel('Sepsis bundle programme', []),
    },
    passing: {
      description: 'A collaborative for an evidence-practice gap.',
      model: exampleModel('Sepsis bundle programme', [], [], { community: { approach: 'qi-collaborative', problemType: 'evidence-practice-gap' } }),
    },
  },
  check({ model, report }) {
    if (model.community?.approach === undefined) {
      report({
        message: 'The model does not say which community-based approach it takes',
        fix: `Set community.approach (${joinAnd([...APPROACHES], 'or')}).`,
      });
    }
    if (model.community?.problemType === undefined) {
      report({
        message: 'The model does not say what type of problem it addresses',
        fix: `Set community.problemType (${joinAnd([...PROBLEM_TYPES], 'or')}).`,
      });
    }
  },
};

export const approachSuitsProblem: Rule = {
  meta: {
    id: 'approach-suits-problem',
    lesson: null,
    severity: 'warning',
    title: 'The approach suits the problem',
    rationale: `${TYPOLOGY}: a standardisable, evidence-based intervention with clear metrics suits a collaborative or the clinical-community model; a problem with no known solution suits a community of practice. A collaborative or clinical community for a problem of type unknown-solution is a warning; a community of practice for an evidence-practice gap is reported as info.`,
    fix: 'Choose the approach that suits the problem, or correct the declared problem type.',
    failing: {
      description: 'A collaborative for a problem with no known solution.',
      model: exampleModel('Delirium in older inpatients', [], [], { community: { approach: 'qi-collaborative', problemType: 'unknown-solution' } }),
    },
    passing: {
      description: 'A community of practice for it.',
      model: exampleModel('Delirium in older inpatients', [], [], { community: { approach: 'community-of-practice', problemType: 'unknown-solution' } }),
    },
  },
  check({ model, report }) {
    const { approach, problemType } = model.community ?? {};
    if (approach === undefined || problemType === undefined) return; // approach-declared says so
    if (COLLABORATIVE_APPROACHES.has(approach) && problemType === 'unknown-solution') {
      report({
        message: `A ${APPROACH_NAMES[approach]} spreads a known solution, but the problem is declared to have none (unknown-solution)`,
        fix: 'Consider a community of practice, which suits problems with no known solution, or correct the problem type.',
      });
    } else if (approach === 'community-of-practice' && problemType === 'evidence-practice-gap') {
      report({
        severity: 'info',
        message: 'A community of practice suits problems with no known solution; for an evidence-practice gap, a collaborative or the clinical-community model may fit better',
        fix: 'Consider a quality-improvement collaborative or the clinical-community model to spread the known solution, or correct the problem type.',
      });
    }
  },
};

export const communityOfPracticeSoft: Rule = {
  meta: {
    id: 'community-of-practice-soft',
    lesson: null,
    severity: 'warning',
    title: 'A community of practice uses soft tactics',
    rationale: `${TYPOLOGY}. A community of practice works by members learning from each other where no solution is known; hard tactics (requirements, sanctions, mandatory protocols) contradict that purpose, and more so when fixed for every site.`,
    fix: 'Make the activity soft, or choose an approach that suits a known, standardisable solution.',
    failing: {
      description: 'A community of practice that mandates a fixed protocol.',
      model: exampleModel('Delirium in older inpatients', [node('activity', 'a-protocol', 'Mandatory delirium protocol on every ward', { strategy: 'hard', customisation: 'fixed' })], [], {
        community: { approach: 'community-of-practice', problemType: 'unknown-solution' },
      }),
    },
    passing: {
      description: 'Members share and adapt what they try.',
      model: exampleModel('Delirium in older inpatients', [node('activity', 'a-share', 'Monthly case-sharing between wards', { strategy: 'soft', customisation: 'local' })], [], {
        community: { approach: 'community-of-practice', problemType: 'unknown-solution' },
      }),
    },
  },
  check({ model, graph, report, needsAttribute }) {
    if (model.community?.approach !== 'community-of-practice') return;
    for (const activity of graph.nodesOfKind('activity')) {
      if (activity.strategy === undefined) needsAttribute(activity, 'strategy');
      if (activity.strategy !== 'hard') continue;
      const fixed = activity.customisation === 'fixed' ? ', fixed for every site,' : '';
      report({
        message: `Activity ${quoted(activity.label)} is a hard strategy${fixed} in a community of practice, which works by members learning and adapting`,
        nodeId: activity.id,
        fix: `Make ${quoted(activity.label)} soft (invite and support rather than require), or choose an approach that suits a known, standardisable solution.`,
      });
    }
  },
};

export const collaborativeEvidence: Rule = {
  meta: {
    id: 'collaborative-evidence',
    lesson: null,
    severity: 'warning',
    title: 'A collaborative spreads well-evidenced interventions',
    rationale: `${TYPOLOGY}. A quality-improvement collaborative or clinical community spreads a standardisable intervention across sites; built around an intervention of low or unknown evidence, it spreads something that may not work (${SOURCES.michigan}).`,
    fix: 'Strengthen or cite the evidence for the intervention, or test it first in a community of practice.',
    failing: {
      description: 'A collaborative around an intervention of unknown evidence.',
      model: exampleModel('Sepsis bundle programme', [node('activity', 'a-app', 'Sepsis alert smartphone app', { category: 'intervention', evidenceStrength: 'unknown' })], [], {
        community: { approach: 'qi-collaborative', problemType: 'evidence-practice-gap' },
      }),
    },
    passing: {
      description: 'A collaborative around a well-evidenced bundle.',
      model: exampleModel('Sepsis bundle programme', [node('activity', 'a-bundle', 'Sepsis six bundle within one hour', { category: 'intervention', evidenceStrength: 'high' })], [], {
        community: { approach: 'qi-collaborative', problemType: 'evidence-practice-gap' },
      }),
    },
  },
  check({ model, graph, report, needsAttribute }) {
    const approach = model.community?.approach;
    if (approach === undefined || !COLLABORATIVE_APPROACHES.has(approach)) return;
    const activities = graph.nodesOfKind('activity');
    const interventions = activities.filter((a) => a.category === 'intervention');
    if (interventions.length === 0) {
      for (const activity of activities) if (activity.category === undefined) needsAttribute(activity, 'category');
      return;
    }
    for (const intervention of interventions) {
      if (intervention.evidenceStrength === undefined) needsAttribute(intervention, 'evidenceStrength');
      if (intervention.evidenceStrength === undefined || !WEAK_EVIDENCE.has(intervention.evidenceStrength)) continue;
      report({
        message: `The ${APPROACH_NAMES[approach]} is built around the intervention ${quoted(intervention.label)}, whose evidence is ${intervention.evidenceStrength}`,
        nodeId: intervention.id,
        fix: `Cite or strengthen the evidence for ${quoted(intervention.label)}, or test it first in a community of practice before spreading it.`,
      });
    }
  },
};

export const FIT_RULES: readonly Rule[] = [approachDeclared, approachSuitsProblem, communityOfPracticeSoft, collaborativeEvidence];
