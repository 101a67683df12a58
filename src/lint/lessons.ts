// The eight lessons of Aveling, Martin, Armstrong, Banerjee and Dixon-Woods (2012), "Quality
// improvement through clinical communities: eight lessons for practice". The titles are the paper's
// headings; the summaries are ours (shared/spec/lessons.md), for the findings panel and the docs.
import type { Lesson } from './types';

export const PAPER = 'Aveling, Martin, Armstrong, Banerjee and Dixon-Woods (2012), "Quality improvement through clinical communities: eight lessons for practice", Journal of Health Organization and Management 26(2)';

/** The related work of the same research group that lessons.md draws the detail from. */
export const SOURCES = {
  michigan: 'Dixon-Woods et al. (2011), "Explaining Michigan"',
  tenChallenges: 'Dixon-Woods, McNicol and Martin (2012), "Ten challenges in improving quality in healthcare"',
  healthFoundation: 'the Health Foundation (2013), "Using clinical communities to improve quality"',
  optimising: 'Aveling et al. (2017), "Optimising the community-based approach to healthcare improvement"',
} as const;

export const LESSONS: Record<Lesson, { title: string; summary: string }> = {
  1: {
    title: 'Co-ordination and leadership alongside the lateral influence of peers',
    summary: 'Peer networks need a credible core team, clear ownership and a vertical line to sponsors beside the horizontal influence of peers.',
  },
  2: {
    title: 'Start with a clear programme theory of change',
    summary: 'Every activity should reach the aim through explained, assumption-tested steps, and the theory should be reviewed as the programme learns.',
  },
  3: {
    title: 'The need for training and resources',
    summary: 'Community work comes on top of the day job, so it needs protected time, secured resources and improvement skills.',
  },
  4: {
    title: 'Dealing with conflict and marginalisation',
    summary: 'Professions and organisations of unequal status meet in a community, so conflict and marginalisation must be anticipated and handled.',
  },
  5: {
    title: 'Fostering a sense of community',
    summary: 'Shared identity, trust and peer norms have to be built by regular convening, shared goals and shared measures.',
  },
  6: {
    title: 'Appropriate use of data in prompting behavioural change',
    summary: 'Credible, timely data fed back to the people expected to change, with process and balancing measures and safeguards on comparisons.',
  },
  7: {
    title: 'Balance between "hard" and "soft" strategies',
    summary: 'Requirements create traction and persuasion builds commitment; a programme needs both, with hard tactics kept for well-evidenced interventions.',
  },
  8: {
    title: 'The role of context',
    summary: 'Culture, leadership support, capacity and policy shape results, so a model names its context and balances fidelity with local adaptation.',
  },
};

/** How a rationale opens: `Lesson 3 of Aveling et al. (2012), "The need for training and resources"`. */
export function lessonCitation(lesson: Lesson): string {
  return `Lesson ${lesson} of Aveling et al. (2012), "${LESSONS[lesson].title}"`;
}
