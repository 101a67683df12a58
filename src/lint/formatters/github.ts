// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
import type { Severity } from '../types';
import { findingPosition, type Formatter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(result.file);
    for (const p of result.problems) {
      lines.push(`::error file=${file},line=${p.line},col=${p.column},title=${escapeProperty('invalid model file')}::${escapeData(`${p.path ? `${p.path}: ` : ''}${p.message}`)}`);
    }
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const { line, column } = findingPosition(result, finding);
      const title = escapeProperty(`${finding.rule}${finding.lesson === null ? '' : ` (lesson ${finding.lesson})`}`);
      lines.push(`::${COMMAND[finding.severity]} file=${file},line=${line},col=${column},title=${title}::${escapeData(`${finding.message} Fix: ${finding.fix}`)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
