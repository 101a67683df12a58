// Lesson 8: the role of context.
import { exampleModel, node } from '../example';
import { hasIncoming, named, quoted } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(8);
const TWO_SITES = { community: { sites: [{ id: 'north', name: 'North General' }, { id: 'south', name: 'South District' }] } };

export const contextPresent: Rule = {
  meta: {
    id: 'context-present',
    lesson: 8,
    severity: 'warning',
    title: 'The model names its context',
    rationale: `${LESSON}: what works in one place may not transfer; organisational culture, leadership support, capacity, prior improvement experience and the policy environment shape results (${SOURCES.michigan}; ${SOURCES.optimising}). A model with no context factor treats the setting as if it did not matter.`,
    fix: 'Add the context factors that will shape results and link each to what it influences.',
    failing: {
      description: 'No context factor.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-huddles', 'Monthly falls huddles')]),
    },
    passing: {
      description: 'Ward staffing is named as a barrier to the huddles.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('context', 'c-staffing', 'Winter staffing shortages', { valence: 'barrier', level: 'unit' })],
        [['influences', 'c-staffing', 'a-huddles', { effect: 'weakens' }]],
      ),
    },
  },
  check({ graph, report }) {
    if (graph.nodesOfKind('context').length > 0) return;
    report({
      message: 'The model names no context factor that helps or hinders the programme',
      fix: 'Add the context factors that will shape results (leadership support, culture, capacity, prior improvement experience, policy) and link each to what it influences.',
    });
  },
};

export const contextInfluences: Rule = {
  meta: {
    id: 'context-influences',
    lesson: 8,
    severity: 'warning',
    title: 'Every context factor influences something',
    rationale: `${LESSON}: context matters through what it does to the programme; a context factor linked to nothing says nothing about where the theory may not transfer (${SOURCES.optimising}).`,
    fix: 'Link each context factor with influences to the activities, mechanisms or outcomes it helps or hinders.',
    failing: {
      description: 'Executive support is named but linked to nothing.',
      model: exampleModel('Falls prevention network', [node('context', 'c-board', 'Board champions falls prevention', { valence: 'enabler' }), node('activity', 'a-huddles', 'Monthly falls huddles')]),
    },
    passing: {
      description: 'Executive support strengthens the huddles.',
      model: exampleModel(
        'Falls prevention network',
        [node('context', 'c-board', 'Board champions falls prevention', { valence: 'enabler' }), node('activity', 'a-huddles', 'Monthly falls huddles')],
        [['influences', 'c-board', 'a-huddles', { effect: 'strengthens' }]],
      ),
    },
  },
  check({ graph, report }) {
    for (const factor of graph.nodesOfKind('context')) {
      if (graph.out(factor.id, 'influences').length > 0) continue;
      report({
        message: `${named(factor)} influences nothing`,
        nodeId: factor.id,
        fix: `Link ${quoted(factor.label)} with influences to what it helps or hinders (an activity, mechanism, outcome or stakeholder).`,
      });
    }
  },
};

export const barrierAddressed: Rule = {
  meta: {
    id: 'barrier-addressed',
    lesson: 8,
    severity: 'info',
    title: 'Every barrier is answered',
    rationale: `${LESSON}: a barrier the programme knows about should shape what it does (${SOURCES.optimising}). The format has no link into a context factor, so a barrier counts as answered when it influences an activity (which is then designed around it), or influences a step that an assumption underpins or a mitigated risk threatens.`,
    fix: 'Link the barrier to the activity that responds to it, or name the assumption or mitigated risk that covers the step it hinders.',
    failing: {
      description: 'Staffing shortages hinder an outcome, and nothing answers them.',
      model: exampleModel(
        'Falls prevention network',
        [node('context', 'c-staffing', 'Winter staffing shortages', { valence: 'barrier' }), node('outcome', 'o-checks', 'Falls risk checked on admission')],
        [['influences', 'c-staffing', 'o-checks', { effect: 'weakens' }]],
      ),
    },
    passing: {
      description: 'A mitigated risk covers the outcome the barrier hinders.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('context', 'c-staffing', 'Winter staffing shortages', { valence: 'barrier' }),
          node('outcome', 'o-checks', 'Falls risk checked on admission'),
          node('risk', 'r-skipped', 'Checks skipped on short-staffed shifts', { risk: 'resource-shortfall' }),
          node('activity', 'a-eform', 'Falls check built into the admission e-form'),
        ],
        [
          ['influences', 'c-staffing', 'o-checks', { effect: 'weakens' }],
          ['threatens', 'r-skipped', 'o-checks'],
          ['mitigates', 'a-eform', 'r-skipped'],
        ],
      ),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    const mitigated = new Set(facts.mitigatedRisks.map((r) => r.id));
    for (const factor of graph.nodesOfKind('context')) {
      if (factor.valence === undefined) needsAttribute(factor, 'valence');
      if (factor.valence !== 'barrier') continue;
      const answered = graph.successors(factor.id, 'influences').some(
        (step) =>
          step.kind === 'activity' ||
          hasIncoming(graph, step.id, 'underpins', 'assumption') ||
          graph.in(step.id, 'threatens').some((edge) => mitigated.has(edge.source)),
      );
      if (answered) continue;
      report({
        message: `Nothing answers the barrier ${quoted(factor.label)}`,
        nodeId: factor.id,
        fix: `Link ${quoted(factor.label)} to the activity that responds to it, or name the assumption or mitigated risk that covers the step it hinders.`,
      });
    }
  },
};

export const coreComponentCustomisation: Rule = {
  meta: {
    id: 'core-component-customisation',
    lesson: 8,
    severity: 'warning',
    title: 'Core components say what sites may adapt',
    rationale: `${LESSON}: a community across sites has to balance fidelity to core components with local customisation (${SOURCES.michigan}; ${SOURCES.optimising}). In a model with two or more sites, each activity marked coreComponent should set customisation: fixed, adaptable or local.`,
    fix: 'Set the customisation of each core component: fixed, adaptable or local.',
    failing: {
      description: 'Two sites; the core bundle does not say what may be adapted.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-bundle', 'Multifactorial falls risk assessment', { coreComponent: true })], [], TWO_SITES),
    },
    passing: {
      description: 'Sites may adapt the form of the assessment, not its content.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-bundle', 'Multifactorial falls risk assessment', { coreComponent: true, customisation: 'adaptable' })], [], TWO_SITES),
    },
  },
  check({ graph, facts, report, needsAttribute }) {
    if (!facts.multiSite) return;
    const activities = graph.nodesOfKind('activity');
    if (!activities.some((a) => a.coreComponent === true)) {
      for (const activity of activities) if (activity.coreComponent === undefined) needsAttribute(activity, 'coreComponent');
      return;
    }
    for (const activity of activities) {
      if (activity.coreComponent !== true || activity.customisation !== undefined) continue;
      report({
        message: `Core component ${quoted(activity.label)} does not say whether the ${facts.siteIds.size} sites may adapt it`,
        nodeId: activity.id,
        fix: `Set the customisation of ${quoted(activity.label)}: fixed (every site the same), adaptable (core kept, form adapted) or local.`,
      });
    }
  },
};

export const siteReadiness: Rule = {
  meta: {
    id: 'site-readiness',
    lesson: 8,
    severity: 'info',
    title: 'Each site has a baseline or readiness assessment',
    rationale: `${LESSON}: capacity and prior improvement experience differ between sites and shape what each can achieve; knowing each site's baseline and readiness lets the community support sites differently (${SOURCES.healthFoundation}; ${SOURCES.optimising}).`,
    fix: 'Assess each site\'s baseline and readiness, and record readiness or baselineAssessed in the site list.',
    failing: {
      description: 'Neither site has been assessed.',
      model: exampleModel('Falls prevention network', [], [], TWO_SITES),
    },
    passing: {
      description: 'Both sites are assessed.',
      model: exampleModel('Falls prevention network', [], [], {
        community: {
          sites: [
            { id: 'north', name: 'North General', readiness: 'high', baselineAssessed: true },
            { id: 'south', name: 'South District', readiness: 'low', baselineAssessed: true },
          ],
        },
      }),
    },
  },
  check({ model, report }) {
    for (const site of model.community?.sites ?? []) {
      if (site.baselineAssessed === true || (site.readiness !== undefined && site.readiness !== 'unknown')) continue;
      report({
        message: `Site ${quoted(site.name)} has no baseline or readiness assessment`,
        fix: `Assess the baseline and readiness of ${quoted(site.name)} and record readiness or baselineAssessed for it in the site list.`,
      });
    }
  },
};

export const CONTEXT_RULES: readonly Rule[] = [contextPresent, contextInfluences, barrierAddressed, coreComponentCustomisation, siteReadiness];
