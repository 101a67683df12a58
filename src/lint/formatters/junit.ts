// JUnit XML for CI systems that show test reports: a test suite per file, a test case per finding
// (failing when at error or warning), a failing case for a file that cannot be opened.
import { escapeXml } from '../../model';
import { findingPosition, findingTarget, type Formatter } from './types';

export const junit: Formatter = (results) => {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const result of results) {
    const cases: string[] = [];
    let failures = 0;
    const file = escapeXml(result.file);
    if (result.fatal) {
      failures++;
      const detail = result.problems.map((p) => `${p.line}:${p.column} ${p.path || '(file)'} ${p.message}`).join('\n');
      cases.push(`    <testcase classname="${file}" name="model is valid"><failure message="the file cannot be opened as a model" type="fatal">${escapeXml(detail)}</failure></testcase>`);
    } else if (result.findings.length === 0) {
      cases.push(`    <testcase classname="${file}" name="theory of change meets every rule"/>`);
    }
    for (const finding of result.findings) {
      const { line, column } = findingPosition(result, finding);
      const name = escapeXml(`${finding.rule} ${findingTarget(finding)}`);
      const classname = escapeXml(`${result.file}${finding.lesson === null ? '' : `.lesson${finding.lesson}`}`);
      const body = escapeXml(`${result.file}:${line}:${column}\n${finding.message}\nFix: ${finding.fix}`);
      if (finding.suppressed) {
        cases.push(`    <testcase classname="${classname}" name="${name}"><skipped message="${escapeXml(`suppressed: ${finding.suppressed.reason}`)}"/></testcase>`);
      } else if (finding.severity === 'info') {
        cases.push(`    <testcase classname="${classname}" name="${name}"><system-out>${body}</system-out></testcase>`);
      } else {
        failures++;
        cases.push(`    <testcase classname="${classname}" name="${name}"><failure message="${escapeXml(finding.message)}" type="${finding.severity}">${body}</failure></testcase>`);
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="toc lint" tests="${totalTests}" failures="${totalFailures}">\n${suites.join('\n')}\n</testsuites>\n`;
};
