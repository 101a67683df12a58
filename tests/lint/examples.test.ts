// Every bundled example parses and lints with no errors; its findings are printed for review.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model';
import { lint } from '../../src/lint';
import { exampleFiles, readText } from '../helpers/paths';
import path from 'node:path';

describe.each(exampleFiles().map((file) => [path.basename(file), file] as const))('example %s', (name, file) => {
  it('parses and has no error findings', () => {
    const parsed = parseModel(readText(file));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    const findings = lint(parsed.model);
    console.log(
      [`${name}: ${findings.length} findings`, ...findings.map((f) => `  ${f.severity.padEnd(7)} ${f.rule} ${f.nodeId ?? f.edgeId ?? ''}: ${f.message}${f.suppressed ? ' (suppressed)' : ''}`)].join('\n'),
    );
    expect(findings.filter((f) => f.severity === 'error' && !f.suppressed).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
