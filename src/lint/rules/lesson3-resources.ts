// Lesson 3: the need for training and resources.
import type { NodeOfKind } from '../../model';
import { exampleModel, node } from '../example';
import { CLINICAL_PROFESSIONS, count, hasIncoming, labelList, linked, named, quoted, type ModelFacts } from '../helpers';
import { lessonCitation, SOURCES } from '../lessons';
import type { Rule } from '../types';

const LESSON = lessonCitation(3);

export const activityResourced: Rule = {
  meta: {
    id: 'activity-resourced',
    lesson: 3,
    severity: 'error',
    title: 'Every activity has a resource behind it',
    rationale: `${LESSON}: community work is often done on top of the day job, and activities without time, money, staff or facilitation behind them tend not to happen (${SOURCES.healthFoundation}; ${SOURCES.tenChallenges}). The rule reports each activity that no input enables as a warning, and a model in which no activity at all is resourced as an error. (The format has no link from one activity to another, so a resource reaches an activity only through its own enables link.)`,
    fix: 'Link the input that makes each activity possible (protected time, funding, staff, facilitation) to it with enables.',
    failing: {
      description: 'Funding enables the huddles, but nothing enables the webinars.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('input', 'in-funding', 'Network funding', { resource: 'funding', secured: true }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('activity', 'a-webinars', 'Quarterly webinars'),
        ],
        [['enables', 'in-funding', 'a-huddles']],
      ),
    },
    passing: {
      description: 'Both activities are enabled.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('input', 'in-funding', 'Network funding', { resource: 'funding', secured: true }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('activity', 'a-webinars', 'Quarterly webinars'),
        ],
        [
          ['enables', 'in-funding', 'a-huddles'],
          ['enables', 'in-funding', 'a-webinars'],
        ],
      ),
    },
  },
  check({ graph, report }) {
    const activities = graph.nodesOfKind('activity');
    const unresourced = activities.filter((a) => !hasIncoming(graph, a.id, 'enables', 'input'));
    if (activities.length > 0 && unresourced.length === activities.length) {
      report({
        message: `No activity has a resource behind it: no input enables any of the ${count(activities.length, 'activity')}`,
        fix: 'Add the inputs the programme relies on (protected time, funding, facilitation, data support) and link each to the activities it makes possible with enables.',
      });
      return;
    }
    for (const activity of unresourced) {
      report({
        severity: 'warning',
        message: `${named(activity)} has no enabling input`,
        nodeId: activity.id,
        fix: `Link the input that makes ${quoted(activity.label)} possible (time, funding, staff, facilitation) to it with enables.`,
      });
    }
  },
};

export const trainingPresent: Rule = {
  meta: {
    id: 'training-present',
    lesson: 3,
    severity: 'warning',
    title: 'The programme builds improvement capability',
    rationale: `${LESSON}: members need improvement and measurement skills, and programmes that assumed them struggled (${SOURCES.tenChallenges}; ${SOURCES.healthFoundation}). The rule looks for an activity of category training.`,
    fix: 'Add a training activity (category training) that builds improvement and measurement skills.',
    failing: {
      description: 'Huddles and data collection, but no training.',
      model: exampleModel('Falls prevention network', [
        node('activity', 'a-huddles', 'Monthly falls huddles', { category: 'convening' }),
        node('activity', 'a-audit', 'Monthly falls audit', { category: 'data-collection' }),
      ]),
    },
    passing: {
      description: 'Ward champions are trained in improvement methods.',
      model: exampleModel('Falls prevention network', [
        node('activity', 'a-huddles', 'Monthly falls huddles', { category: 'convening' }),
        node('activity', 'a-training', 'Improvement skills course for ward champions', { category: 'training' }),
      ]),
    },
  },
  check({ graph, report, needsAttribute }) {
    const activities = graph.nodesOfKind('activity');
    if (activities.some((a) => a.category === 'training')) return;
    const uncategorised = activities.filter((a) => a.category === undefined);
    if (uncategorised.length > 0) {
      for (const activity of uncategorised) needsAttribute(activity, 'category');
      return;
    }
    report({
      message: 'No activity builds improvement capability: there is no training activity',
      fix: 'Add a training activity (category training) that builds improvement and measurement skills, and give it a resource.',
    });
  },
};

export const protectedTime: Rule = {
  meta: {
    id: 'protected-time',
    lesson: 3,
    severity: 'warning',
    title: 'Clinicians who take part have protected time or funding',
    rationale: `${LESSON}: clinicians take part in community work on top of the day job; protected time or backfill is what lets them (${SOURCES.healthFoundation}). The rule looks for an input of resource protected-time or funding when stakeholders of a clinical profession take part in activities.`,
    fix: 'Add an input of protected time or backfill funding and link it to the activities clinicians take part in.',
    failing: {
      description: 'Ward nurses take part, but the only input is a venue.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group', profession: 'nursing' }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('input', 'in-room', 'Seminar room', { resource: 'venue' }),
        ],
        [
          ['participates-in', 's-nurses', 'a-huddles', { as: 'participant' }],
          ['enables', 'in-room', 'a-huddles'],
        ],
      ),
    },
    passing: {
      description: 'The nurses have two protected hours a month.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('stakeholder', 's-nurses', 'Ward nurses', { role: 'member-group', profession: 'nursing' }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('input', 'in-time', 'Two protected hours a month per ward nurse', { resource: 'protected-time', secured: true }),
        ],
        [
          ['participates-in', 's-nurses', 'a-huddles', { as: 'participant' }],
          ['enables', 'in-time', 'a-huddles'],
        ],
      ),
    },
  },
  check({ graph, report, needsAttribute }) {
    const participants = graph.nodesOfKind('stakeholder').filter((s) => graph.out(s.id, 'participates-in').length > 0);
    const clinicians = participants.filter((s) => s.profession !== undefined && CLINICAL_PROFESSIONS.has(s.profession));
    if (clinicians.length === 0) {
      for (const stakeholder of participants) if (stakeholder.profession === undefined) needsAttribute(stakeholder, 'profession');
      return;
    }
    const inputs = graph.nodesOfKind('input');
    if (inputs.some((i) => i.resource === 'protected-time' || i.resource === 'funding')) return;
    const untyped = inputs.filter((i) => i.resource === undefined);
    if (untyped.length > 0) {
      for (const input of untyped) needsAttribute(input, 'resource');
      return;
    }
    report({
      message: `Clinicians take part (${labelList(clinicians)}) but no input provides protected time or funding for them`,
      nodeId: clinicians[0]!.id,
      fix: 'Add an input of protected time or backfill funding and link it with enables to the activities the clinicians take part in.',
    });
  },
};

export const resourceSecured: Rule = {
  meta: {
    id: 'resource-secured',
    lesson: 3,
    severity: 'info',
    title: 'Resources are secured',
    rationale: `${LESSON}: a theory that depends on time or money not yet granted is a plan with a gap; the team should know which resources are secured and plan for the rest (${SOURCES.healthFoundation}).`,
    fix: 'Secure the resource, or plan for its absence, and set secured to true once it is.',
    failing: {
      description: 'The data analyst post is not yet funded.',
      model: exampleModel('Falls prevention network', [node('input', 'in-analyst', 'Data analyst, half-time', { resource: 'staff', secured: false })]),
    },
    passing: {
      description: 'The post is funded.',
      model: exampleModel('Falls prevention network', [node('input', 'in-analyst', 'Data analyst, half-time', { resource: 'staff', secured: true })]),
    },
  },
  check({ graph, report, needsAttribute }) {
    for (const input of graph.nodesOfKind('input')) {
      if (input.secured === undefined) needsAttribute(input, 'secured');
      if (input.secured !== false) continue;
      report({
        message: `${named(input)} is not secured yet`,
        nodeId: input.id,
        fix: `Secure ${quoted(input.label)}, or name a resource-shortfall risk with a mitigation, and set secured to true once it is secured.`,
      });
    }
  },
};

/** The date the aim is to be reached by: the latest target date of a measure of an impact, or a
 * date or year written in an impact's timeframe (a year counts from its first day, so a resource
 * is reported only when it clearly ends first). */
function aimDate(facts: ModelFacts): string | undefined {
  const { graph } = facts;
  let latest: string | undefined;
  const consider = (date: string | undefined) => {
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  };
  for (const impact of graph.nodesOfKind('impact')) {
    for (const measure of linked(graph, impact.id, 'measures', 'in', 'measure')) consider(measure.targetDate);
    const written = impact.timeframe?.match(/\b(\d{4}-\d{2}-\d{2})\b|\b((?:19|20)\d{2})\b/);
    if (written) consider(written[1] ?? `${written[2]}-01-01`);
  }
  return latest;
}

export const resourceLasts: Rule = {
  meta: {
    id: 'resource-lasts',
    lesson: 3,
    severity: 'info',
    title: 'Resources last until the aim is due',
    rationale: `${LESSON}: improvement takes longer than most funding rounds, and communities lose momentum when support ends early (${SOURCES.healthFoundation}; ${SOURCES.tenChallenges}). The rule compares each input's until date with today and with the aim's date: the latest target date of a measure of the impact, or a date or year in the impact's timeframe. An input with no until date is taken to have no planned end.`,
    fix: 'Extend the resource, plan how the work continues without it, or record a resource-shortfall risk with a mitigation.',
    failing: {
      description: 'Funding ends a year before the aim is due.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('input', 'in-funding', 'Network funding', { resource: 'funding', secured: true, until: '2026-03-31' }),
          node('impact', 'i-aim', 'Fewer harmful falls in hospital', { timeframe: 'by March 2027' }),
          node('measure', 'me-falls', 'Harmful falls per 1,000 bed days', { targetDate: '2027-03-31' }),
        ],
        [['measures', 'me-falls', 'i-aim']],
      ),
    },
    passing: {
      description: 'Funding runs until the aim is due.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('input', 'in-funding', 'Network funding', { resource: 'funding', secured: true, until: '2027-03-31' }),
          node('impact', 'i-aim', 'Fewer harmful falls in hospital', { timeframe: 'by March 2027' }),
          node('measure', 'me-falls', 'Harmful falls per 1,000 bed days', { targetDate: '2027-03-31' }),
        ],
        [['measures', 'me-falls', 'i-aim']],
      ),
    },
  },
  check({ graph, facts, today, report, needsAttribute }) {
    const ending = graph.nodesOfKind('input').filter((i): i is NodeOfKind<'input'> & { until: string } => i.until !== undefined);
    if (ending.length === 0) return;
    const aim = aimDate(facts);
    for (const input of ending) {
      if (input.until < today) {
        report({
          message: `${named(input)} ended on ${input.until}`,
          nodeId: input.id,
          fix: `Renew ${quoted(input.label)} or replace it, and update its until date.`,
        });
      } else if (aim !== undefined && input.until < aim) {
        report({
          message: `${named(input)} ends on ${input.until}, before the aim is due (${aim})`,
          nodeId: input.id,
          fix: `Extend ${quoted(input.label)} to ${aim}, plan how the work continues without it, or add a resource-shortfall risk with a mitigation.`,
        });
      }
    }
    if (aim !== undefined) return;
    for (const impact of graph.nodesOfKind('impact')) {
      if (impact.timeframe === undefined) {
        needsAttribute(impact, 'timeframe');
        continue;
      }
      report({
        message: `The timeframe of the impact ${quoted(impact.label)} ("${impact.timeframe}") gives no date, so lesson 3 cannot check whether the inputs last until the aim`,
        nodeId: impact.id,
        fix: `Write a year or a date in the timeframe of ${quoted(impact.label)}, or give its measure a target date.`,
      });
    }
  },
};

export const RESOURCE_RULES: readonly Rule[] = [activityResourced, trainingPresent, protectedTime, resourceSecured, resourceLasts];
