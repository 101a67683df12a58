import type { Problem, TextPosition } from '../../model';
import type { Finding, Rule } from '../types';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** What linting one file produced: a fatal result carries the problems that kept it from loading. */
export interface FileResult {
  /** The path as the user gave it. */
  file: string;
  fatal: boolean;
  problems: Problem[];
  findings: Finding[];
  /** Unsuppressed findings by severity. */
  counts: SeverityCounts;
  /** Where each node and edge a finding points at sits in the file. */
  locations: ReadonlyMap<string, TextPosition>;
}

export interface FormatContext {
  rules: readonly Rule[];
  color: boolean;
  toolVersion: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

// Control characters (ESC can rewrite a terminal), bidirectional overrides and isolates (they reorder
// what is shown: "Trojan Source") and line or paragraph separators, all of which user text may hold.
const TERMINAL_UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/** User text for a terminal: the unsafe characters above written as visible `\u{…}` escapes. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

export const MODEL_START: TextPosition = { line: 1, column: 1 };

export function findingPosition(result: FileResult, finding: Finding): TextPosition {
  const id = finding.nodeId ?? finding.edgeId;
  return (id !== undefined ? result.locations.get(id) : undefined) ?? MODEL_START;
}

/** The model element a finding points at, as `node a-1`, `edge e-3`, or `model`. */
export function findingTarget(finding: Finding): string {
  if (finding.nodeId !== undefined) return `node ${finding.nodeId}`;
  if (finding.edgeId !== undefined) return `edge ${finding.edgeId}`;
  return 'model';
}

export function countFindings(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) if (!finding.suppressed) counts[finding.severity]++;
  return counts;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
