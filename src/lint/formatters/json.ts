import type { Formatter } from './types';

/** One object per file: `{ file, fatal, problems, findings, counts }` (README, "toc lint"). */
export const json: Formatter = (results) =>
  `${JSON.stringify(
    results.map(({ file, fatal, problems, findings, counts }) => ({ file, fatal, problems, findings, counts })),
    null,
    2,
  )}\n`;
