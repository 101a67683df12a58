// The default human format: findings grouped by file with line:col, then totals and counts per lesson.
import { LESSONS } from '../lessons';
import type { Lesson, Severity } from '../types';
import { findingPosition, plural, terminalText, type Formatter } from './types';

const COLORS = { error: 31, warning: 33, info: 36, dim: 2, bold: 1, underline: 4 } as const;
const SEVERITY_MARK: Record<Severity, string> = { error: '✕ error', warning: '! warning', info: 'i info' };

export const stylish: Formatter = (results, { color }) => {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `\u001b[${COLORS[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const total = { error: 0, warning: 0, info: 0, suppressed: 0 };
  const byLesson = new Map<Lesson | null, { error: number; warning: number; info: number }>();

  for (const result of results) {
    if (result.fatal) {
      out.push(paint('underline', terminalText(result.file)));
      for (const p of result.problems) {
        out.push(`  ${`${p.line}:${p.column}`.padEnd(8)} ${paint('error', 'fatal')}  ${p.path || '(file)'}  ${terminalText(p.message)}`);
      }
      total.error += 1;
      out.push('');
      continue;
    }
    if (result.findings.length === 0) continue;
    out.push(paint('underline', terminalText(result.file)));
    for (const finding of result.findings) {
      const { line, column } = findingPosition(result, finding);
      const where = `${line}:${column}`.padEnd(8);
      const lesson = finding.lesson === null ? '' : `lesson ${finding.lesson}  `;
      if (finding.suppressed) {
        total.suppressed++;
        out.push(paint('dim', `  ${where} suppressed  ${terminalText(finding.message)}  ${finding.rule}  (${terminalText(finding.suppressed.reason)})`));
        continue;
      }
      total[finding.severity]++;
      const counts = byLesson.get(finding.lesson) ?? { error: 0, warning: 0, info: 0 };
      counts[finding.severity]++;
      byLesson.set(finding.lesson, counts);
      out.push(`  ${where} ${paint(finding.severity, SEVERITY_MARK[finding.severity].padEnd(9))}  ${terminalText(finding.message)}  ${paint('dim', `${lesson}${finding.rule}`)}`);
      out.push(paint('dim', `  ${' '.repeat(8)} ${' '.repeat(9)}  fix: ${terminalText(finding.fix)}`));
    }
    out.push('');
  }

  const problems = total.error + total.warning + total.info;
  const worst: keyof typeof COLORS = total.error > 0 ? 'error' : total.warning > 0 ? 'warning' : 'info';
  const summary = `${problems === 0 ? '✓' : '✕'} ${plural(problems, 'finding')} (${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info)${total.suppressed ? `, ${total.suppressed} suppressed` : ''}`;
  out.push(paint('bold', problems === 0 ? summary : paint(worst, summary)));
  const lessons = [...byLesson.entries()].sort(([a], [b]) => (a ?? 99) - (b ?? 99));
  for (const [lesson, counts] of lessons) {
    const name = lesson === null ? 'Structure and approach fit' : `Lesson ${lesson}: ${LESSONS[lesson].title}`;
    const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => (s === 'info' ? `${counts[s]} info` : plural(counts[s], s)));
    out.push(`  ${name}: ${parts.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
};
