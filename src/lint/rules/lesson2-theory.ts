// Lesson 2: start with a clear programme theory of change.
import type { TocNode } from '../../model';
import { EXAMPLE_TODAY, exampleModel, node } from '../example';
import { addMonths, hasIncoming, isBlank, labelList, mention, named, quoted } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(2);

/** A small theory that reaches its aim, shared by several examples below. */
const chain = (extraNodes: TocNode[] = []) => [
  node('activity', 'a-huddles', 'Monthly falls huddles'),
  node('mechanism', 'm-peer', 'Nurses adopt the practice of respected peers', { mechanism: 'peer-norming', direction: 'horizontal' }),
  node('outcome', 'o-checks', 'Falls risk checked on admission', { horizon: 'short' }),
  node('impact', 'i-aim', 'Fewer harmful falls in hospital'),
  ...extraNodes,
];

export const impactPresent: Rule = {
  meta: {
    id: 'impact-present',
    lesson: 2,
    severity: 'error',
    title: 'The model names its aim',
    rationale: `${LESSON}: a clear theory of how activities lead to the aim gives a community its direction and aligns its members (${SOURCES.healthFoundation}). Without an impact node there is no aim to lead to.`,
    fix: 'Add the aim as an impact node and link the final outcomes to it with leads-to.',
    failing: {
      description: 'Activities and an outcome, but no aim.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission')], [['leads-to', 'a-huddles', 'o-checks']]),
    },
    passing: {
      description: 'The outcome leads to the aim.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')],
        [
          ['leads-to', 'a-huddles', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
  },
  check({ graph, report }) {
    if (graph.nodesOfKind('impact').length > 0) return;
    report({
      message: 'The model has no impact: the aim the programme works towards is missing',
      fix: 'Add the aim as an impact node (for example "Fewer harmful falls in hospital") and link the final outcomes to it with leads-to.',
    });
  },
};

export const pathToImpact: Rule = {
  meta: {
    id: 'path-to-impact',
    lesson: 2,
    severity: 'error',
    title: 'Every activity and outcome leads to the aim',
    rationale: `${LESSON}: the theory should show how every activity contributes to the aim. An activity or outcome with no chain of leads-to links to an impact is either missing its steps or does not serve the aim (${SOURCES.healthFoundation}).`,
    fix: 'Link each activity and outcome through leads-to steps to the impact, or remove what does not serve the aim.',
    failing: {
      description: 'The webinars lead nowhere.',
      model: exampleModel(
        'Falls prevention network',
        [...chain(), node('activity', 'a-webinars', 'Quarterly webinars')],
        [
          ['leads-to', 'a-huddles', 'm-peer'],
          ['leads-to', 'm-peer', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
    passing: {
      description: 'Both activities reach the aim.',
      model: exampleModel(
        'Falls prevention network',
        [...chain(), node('activity', 'a-webinars', 'Quarterly webinars')],
        [
          ['leads-to', 'a-huddles', 'm-peer'],
          ['leads-to', 'a-webinars', 'm-peer'],
          ['leads-to', 'm-peer', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
  },
  check({ graph, facts, report }) {
    const impacts = graph.nodesOfKind('impact');
    if (impacts.length === 0) return; // impact-present reports this
    const aim = impacts.length === 1 ? `the impact ${quoted(impacts[0]!.label)}` : 'any impact';
    for (const kind of ['activity', 'outcome'] as const) {
      for (const item of graph.nodesOfKind(kind)) {
        if (facts.reachesImpact(item.id)) continue;
        report({
          message: `${named(item)} has no path of leads-to links to ${aim}`,
          nodeId: item.id,
          fix: `Link ${quoted(item.label)} through leads-to steps towards the aim, or remove it if it does not serve the aim.`,
        });
      }
    }
  },
};

export const outcomeHasCause: Rule = {
  meta: {
    id: 'outcome-has-cause',
    lesson: 2,
    severity: 'warning',
    title: 'Every outcome has something leading to it',
    rationale: `${LESSON}: a theory says how each change comes about. An outcome with no incoming leads-to link is a hope, not a step of the theory.`,
    fix: 'Link the activity, output, mechanism or earlier outcome that produces the outcome to it with leads-to.',
    failing: {
      description: 'Nothing leads to the outcome.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-checks', 'Falls risk checked on admission'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [['leads-to', 'o-checks', 'i-aim']]),
    },
    passing: {
      description: 'The huddles lead to the outcome.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')],
        [
          ['leads-to', 'a-huddles', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
  },
  check({ graph, report }) {
    for (const outcome of graph.nodesOfKind('outcome')) {
      if (graph.in(outcome.id, 'leads-to').length > 0) continue;
      report({
        message: `Nothing leads to ${mention(outcome)}`,
        nodeId: outcome.id,
        fix: `Link the activity, output, mechanism or earlier outcome that produces ${quoted(outcome.label)} to it with leads-to.`,
      });
    }
  },
};

export const miracleStep: Rule = {
  meta: {
    id: 'miracle-step',
    lesson: 2,
    severity: 'warning',
    title: 'No activity jumps straight to the aim',
    rationale: `${LESSON}: a theory should say why each step holds. A leads-to link from an activity straight to a long-term outcome or to the impact skips the changes in practice through which the activity could work — the "miracle step" that theory-of-change reviewers look for.`,
    fix: 'Add the outputs, mechanisms and shorter-term outcomes between the activity and the long-term change.',
    failing: {
      description: 'Huddles lead straight to the aim.',
      model: exampleModel('Falls prevention network', [node('activity', 'a-huddles', 'Monthly falls huddles'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [['leads-to', 'a-huddles', 'i-aim']]),
    },
    passing: {
      description: 'Huddles work through peer norms and a short-term outcome.',
      model: exampleModel(
        'Falls prevention network',
        chain(),
        [
          ['leads-to', 'a-huddles', 'm-peer'],
          ['leads-to', 'm-peer', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const activity of graph.nodesOfKind('activity')) {
      for (const edge of graph.out(activity.id, 'leads-to')) {
        const target = graph.node(edge.target);
        if (target?.kind === 'outcome' && target.horizon === undefined) needsAttribute(target, 'horizon');
        const leap = target?.kind === 'impact' ? 'the impact' : target?.kind === 'outcome' && target.horizon === 'long' ? 'the long-term outcome' : undefined;
        if (!leap || !target) continue;
        report({
          message: `${named(activity)} leads straight to ${leap} ${quoted(target.label)} with nothing in between`,
          nodeId: activity.id,
          edgeId: edge.id,
          fix: `Add the mechanisms and shorter-term outcomes through which ${quoted(activity.label)} brings about ${quoted(target.label)}.`,
        });
      }
    }
  },
};

export const causalChainExplained: Rule = {
  meta: {
    id: 'causal-chain-explained',
    lesson: 2,
    severity: 'warning',
    title: 'A mechanism or rationale explains how each activity works',
    rationale: `${LESSON}: a theory of change says why its steps hold. Each activity's path to its outcomes should pass through a mechanism (how the community changes behaviour) or carry a rationale on a link (${SOURCES.optimising}; ${SOURCES.healthFoundation}).`,
    fix: 'Add the mechanism through which the activity works between it and its outcomes, or write a rationale on one of its leads-to links.',
    failing: {
      description: 'Huddles lead to an outcome with no mechanism and no rationale.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')],
        [
          ['leads-to', 'a-huddles', 'o-checks'],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
    passing: {
      description: 'The link from huddles to the outcome says why it holds.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')],
        [
          ['leads-to', 'a-huddles', 'o-checks', { rationale: 'Nurses who review falls together adopt the checks their peers use.' }],
          ['leads-to', 'o-checks', 'i-aim'],
        ],
      ),
    },
  },
  check({ model, graph, facts, report }) {
    const reachesEnd = facts.reach([...graph.nodesOfKind('outcome'), ...graph.nodesOfKind('impact')], 'backward');
    // A node is explained when one of its paths to an outcome passes a mechanism or a link with a rationale.
    const { offsets, targets, edges } = facts.leadsTo;
    const explainedFrom: number[] = [];
    for (let v = 0; v < model.nodes.length; v++) {
      if (reachesEnd[v] === 0) continue;
      if (model.nodes[v]!.kind === 'mechanism') explainedFrom.push(v);
      for (let slot = offsets[v]!; slot < offsets[v + 1]!; slot++) {
        if (reachesEnd[targets[slot]!] === 1 && !isBlank(graph.edges[edges[slot]!]!.rationale)) explainedFrom.push(v);
      }
    }
    const explained = facts.reach(explainedFrom, 'backward');
    for (const activity of graph.nodesOfKind('activity')) {
      const at = graph.position(activity.id)!;
      if (reachesEnd[at] === 0 || explained[at] === 1) continue;
      report({
        message: `No mechanism or rationale explains how ${mention(activity)} leads to its outcomes`,
        nodeId: activity.id,
        fix: `Add the mechanism through which ${quoted(activity.label)} works (for example peer norming) before its outcomes, or write a rationale on its leads-to link.`,
      });
    }
  },
};

export const keyStepsAssumed: Rule = {
  meta: {
    id: 'key-steps-assumed',
    lesson: 2,
    severity: 'warning',
    title: 'Medium- and long-term steps state their assumptions',
    rationale: `${LESSON}: a theory should say what is assumed, so that it can be tested and adapted in the light of experience. The further a step lies from the activities, the more it rests on beliefs that may not hold (${SOURCES.tenChallenges}).`,
    fix: 'Add the assumption each medium- or long-term outcome rests on and link it to the outcome with underpins.',
    failing: {
      description: 'A medium-term outcome with no assumption.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-falls', 'Fewer falls on participating wards', { horizon: 'medium' })]),
    },
    passing: {
      description: 'The assumption behind the medium-term outcome is explicit.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('outcome', 'o-falls', 'Fewer falls on participating wards', { horizon: 'medium' }),
          node('assumption', 'as-time', 'Ward teams have time to act on the falls checks', { status: 'untested' }),
        ],
        [['underpins', 'as-time', 'o-falls']],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const outcome of graph.nodesOfKind('outcome')) {
      if (outcome.horizon === undefined) {
        needsAttribute(outcome, 'horizon');
        continue;
      }
      if (outcome.horizon === 'short' || hasIncoming(graph, outcome.id, 'underpins', 'assumption')) continue;
      report({
        message: `No assumption underpins the ${outcome.horizon}-term outcome ${quoted(outcome.label)}`,
        nodeId: outcome.id,
        fix: `Add the assumption ${quoted(outcome.label)} rests on (for example that teams have time to act) and link it with underpins.`,
      });
    }
  },
};

export const refutedAssumption: Rule = {
  meta: {
    id: 'refuted-assumption',
    lesson: 2,
    severity: 'error',
    title: 'No step rests on a refuted assumption',
    rationale: `${LESSON}: the theory should be reviewed and adapted in the light of experience. An assumption the programme has found to be false cannot still carry a step of the theory.`,
    fix: 'Revise the steps that rest on the refuted assumption, then remove its underpins links.',
    failing: {
      description: 'A refuted assumption still underpins an outcome.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('outcome', 'o-falls', 'Fewer falls on participating wards', { horizon: 'medium' }),
          node('assumption', 'as-audit', 'Wards can audit falls weekly without extra staff', { status: 'refuted' }),
        ],
        [['underpins', 'as-audit', 'o-falls']],
      ),
    },
    passing: {
      description: 'The outcome rests on a supported assumption.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('outcome', 'o-falls', 'Fewer falls on participating wards', { horizon: 'medium' }),
          node('assumption', 'as-audit', 'Wards can audit falls monthly with their own staff', { status: 'supported' }),
        ],
        [['underpins', 'as-audit', 'o-falls']],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const assumption of graph.nodesOfKind('assumption')) {
      if (assumption.status !== undefined && assumption.status !== 'refuted') continue;
      const supported = graph.successors(assumption.id, 'underpins');
      if (supported.length === 0) continue;
      if (assumption.status === undefined) {
        needsAttribute(assumption, 'status');
        continue;
      }
      report({
        message: `Refuted assumption ${quoted(assumption.label)} still underpins ${labelList(supported)}`,
        nodeId: assumption.id,
        fix: `Revise ${labelList(supported)} so ${supported.length === 1 ? 'it no longer rests' : 'they no longer rest'} on ${quoted(assumption.label)}, then remove the underpins ${supported.length === 1 ? 'link' : 'links'}.`,
      });
    }
  },
};

export const contestedAssumption: Rule = {
  meta: {
    id: 'contested-assumption',
    lesson: 2,
    severity: 'warning',
    title: 'No long-term step rests on a contested assumption',
    rationale: `${LESSON}: a theory should be tested and adapted as the programme learns. When the step to a long-term outcome or the aim rests on an assumption that is disputed, the programme should test it early or find a step that does not need it.`,
    fix: 'Test the contested assumption early (a measure or a pilot), or add a route to the long-term change that does not depend on it.',
    failing: {
      description: 'The aim rests on a contested assumption.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('impact', 'i-aim', 'Fewer harmful falls in hospital'),
          node('assumption', 'as-spread', 'Practice spreads from pilot wards without support', { status: 'contested' }),
        ],
        [['underpins', 'as-spread', 'i-aim']],
      ),
    },
    passing: {
      description: 'The aim rests on a supported assumption.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('impact', 'i-aim', 'Fewer harmful falls in hospital'),
          node('assumption', 'as-spread', 'Practice spreads when each ward has a trained champion', { status: 'supported' }),
        ],
        [['underpins', 'as-spread', 'i-aim']],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const assumption of graph.nodesOfKind('assumption')) {
      if (assumption.status !== 'contested') continue;
      for (const edge of graph.out(assumption.id, 'underpins')) {
        const target = graph.node(edge.target);
        if (target?.kind === 'outcome' && target.horizon === undefined) needsAttribute(target, 'horizon');
        const step = target?.kind === 'impact' ? 'The impact' : target?.kind === 'outcome' && target.horizon === 'long' ? 'The long-term outcome' : undefined;
        if (!step || !target) continue;
        report({
          message: `${step} ${quoted(target.label)} rests on the contested assumption ${quoted(assumption.label)}`,
          nodeId: target.id,
          edgeId: edge.id,
          fix: `Test ${quoted(assumption.label)} early (a measure or a pilot), or add a route to ${quoted(target.label)} that does not depend on it.`,
        });
      }
    }
  },
};

export const problemStated: Rule = {
  meta: {
    id: 'problem-stated',
    lesson: 2,
    severity: 'info',
    title: 'The model states the problem',
    rationale: `${LESSON}: a theory of change starts from what the problem is and for whom; the same activities can serve quite different problems, and members align around a problem they share (${SOURCES.healthFoundation}).`,
    fix: 'Write the problem the programme addresses, and for whom, in the model\'s problem field.',
    failing: {
      description: 'No problem statement.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')]),
    },
    passing: {
      description: 'The problem is stated.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], {
        problem: 'Older inpatients fall on our wards at twice the national rate, and practice on falls checks varies between wards.',
      }),
    },
  },
  check({ model, report }) {
    if (!isBlank(model.problem)) return;
    report({
      message: 'The model does not state the problem it addresses',
      fix: 'Write the problem the programme addresses, and for whom, in the model\'s problem field.',
    });
  },
};

export const narrativePresent: Rule = {
  meta: {
    id: 'narrative-present',
    lesson: 2,
    severity: 'info',
    title: 'The theory is told in words',
    rationale: `${LESSON}: a theory works when it is clear and shared. A short narrative in the team's own words, beside the diagram, is how most members will meet the theory (${SOURCES.healthFoundation}).`,
    fix: 'Write a short narrative of the theory in the model\'s narrative field.',
    failing: {
      description: 'No narrative.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')]),
    },
    passing: {
      description: 'A narrative tells the theory.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], {
        narrative: 'Ward nurses meet monthly to review falls; seeing what respected peers do, they adopt the falls checks, and falls fall.',
      }),
    },
  },
  check({ model, report }) {
    if (!isBlank(model.narrative)) return;
    report({
      message: 'The model has no written narrative of its theory',
      fix: 'Write a few paragraphs telling the theory in the team\'s own words in the model\'s narrative field.',
    });
  },
};

export const theoryReviewed: Rule = {
  meta: {
    id: 'theory-reviewed',
    lesson: 2,
    severity: 'info',
    title: 'The theory has been reviewed recently',
    rationale: `${LESSON}: the theory should be reviewed and adapted in the light of experience, not written once for a bid (${SOURCES.optimising}). The rule compares review.lastReviewed plus review.intervalMonths with today's date.`,
    fix: 'Revisit the theory with the team and set review.lastReviewed and review.intervalMonths.',
    failing: {
      description: 'Reviewed in January 2020 with a 12-month interval.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], { review: { lastReviewed: '2020-01-15', intervalMonths: 12 } }),
    },
    passing: {
      description: `Reviewed in October 2025 with a 6-month interval (judged, like every example, as on ${EXAMPLE_TODAY}).`,
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], { review: { lastReviewed: '2025-10-01', intervalMonths: 6 } }),
    },
  },
  check({ model, today, report }) {
    const { lastReviewed, intervalMonths } = model.review ?? {};
    if (lastReviewed === undefined) {
      report({
        message: 'The model records no review of its theory',
        fix: 'After revisiting the theory with the team, set review.lastReviewed and review.intervalMonths.',
      });
    } else if (intervalMonths === undefined) {
      report({
        message: `The theory was last reviewed on ${lastReviewed}, but no review interval is set, so lesson 2 cannot tell whether a review is due`,
        fix: 'Set review.intervalMonths to how often the team will revisit the theory (for example 6 or 12).',
      });
    } else {
      const due = addMonths(lastReviewed, intervalMonths);
      if (due >= today) return;
      report({
        message: `The theory was last reviewed on ${lastReviewed}; with a review every ${intervalMonths} months it was due on ${due}`,
        fix: 'Revisit the theory with the team in the light of experience and update review.lastReviewed.',
      });
    }
  },
};

export const THEORY_RULES: readonly Rule[] = [
  impactPresent,
  pathToImpact,
  outcomeHasCause,
  miracleStep,
  causalChainExplained,
  keyStepsAssumed,
  refutedAssumption,
  contestedAssumption,
  problemStated,
  narrativePresent,
  theoryReviewed,
];
