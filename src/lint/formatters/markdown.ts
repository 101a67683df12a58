// A Markdown report for pull-request comments and CI summaries. User text is escaped, never markup.
import { escapeMarkdown } from '../../model';
import { findingPosition, findingTarget, plural, type Formatter } from './types';

export const markdown: Formatter = (results) => {
  const out = ['# ToC Studio lint report', ''];
  for (const result of results) {
    out.push(`## ${escapeMarkdown(result.file)}`, '');
    if (result.fatal) {
      out.push('**The file cannot be opened as a model:**', '');
      for (const p of result.problems) out.push(`- line ${p.line}, column ${p.column}, \`${p.path || '(file)'}\`: ${escapeMarkdown(p.message)}`);
      out.push('');
      continue;
    }
    const { error, warning, info } = result.counts;
    out.push(`${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info.`, '');
    if (result.findings.length === 0) continue;
    out.push('| Severity | Lesson | Rule | Where | Finding | Fix |', '| --- | --- | --- | --- | --- | --- |');
    for (const finding of result.findings) {
      const { line } = findingPosition(result, finding);
      const severity = finding.suppressed ? `suppressed (${escapeMarkdown(finding.suppressed.reason)})` : finding.severity;
      out.push(
        `| ${severity} | ${finding.lesson ?? '–'} | \`${finding.rule}\` | line ${line}, ${escapeMarkdown(findingTarget(finding))} | ${escapeMarkdown(finding.message)} | ${escapeMarkdown(finding.fix)} |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
};
