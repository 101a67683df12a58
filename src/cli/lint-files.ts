// Linting one model file, as `toc lint` does in-process and in each worker of its pool
// (lint-pool.ts): the result is plain data, so a worker can send it back unchanged.
import { locatePaths, type Model, type TextPosition } from '../model';
import { lint } from '../lint';
import { countFindings, type FileResult } from '../lint/formatters';
import type { Finding, RuleSetting } from '../lint/types';
import { UsageError } from './command';
import type { ConfigFinder } from './config';
import { loadModelFile } from './files';

/** What every file is linted with; structured-cloneable, as it is a worker's workerData. */
export interface LintSettings {
  overrideRules: Record<string, RuleSetting>;
  quiet: boolean;
  useConfig: boolean;
}

/**
 * Lints one file. A file that cannot be read or opened, or that makes the checker throw, becomes a
 * fatal result for that file alone; only a broken toc.config.json (a UsageError) is thrown.
 */
export async function lintFile(file: string, settings: LintSettings, configs: ConfigFinder | undefined): Promise<FileResult> {
  try {
    const loaded = await loadModelFile(file);
    if ('unreadable' in loaded) return fatalResult(file, [`cannot read: ${loaded.unreadable}`]);
    if (!loaded.ok) return { ...fatalResult(file, []), problems: loaded.problems };
    const config = await configs?.find(file);
    let findings = lint(loaded.model, { projectRules: config?.rules, overrideRules: settings.overrideRules });
    if (settings.quiet) findings = findings.filter((f) => f.severity === 'error');
    return { file, fatal: false, problems: [], findings, counts: countFindings(findings), locations: elementLocations(loaded.text, loaded.model, findings) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return fatalResult(file, [checkerFailed((error as Error)?.message ?? String(error))]);
  }
}

/** The message for a file the checker failed on, reported at the file's start. */
export const checkerFailed = (reason: string) =>
  `cannot lint: the checker failed on this file (${reason}); this is a bug in ToC Studio, please report it with the file (the other files were linted)`;

export function fatalResult(file: string, messages: string[]): FileResult {
  return {
    file,
    fatal: true,
    problems: messages.map((message) => ({ path: '', message, line: 1, column: 1 })),
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    locations: new Map(),
  };
}

/** Line and column of every node and edge a finding points at, from one scan of the file. */
function elementLocations(text: string, model: Model, findings: readonly Finding[]): Map<string, TextPosition> {
  const wanted = new Set(findings.flatMap((f) => [f.nodeId, f.edgeId]).filter((id): id is string => id !== undefined));
  const ids: string[] = [];
  const paths: (string | number)[][] = [];
  model.nodes.forEach((node, i) => wanted.has(node.id) && (ids.push(node.id), paths.push(['nodes', i])));
  model.edges.forEach((edge, i) => wanted.has(edge.id) && (ids.push(edge.id), paths.push(['edges', i])));
  if (paths.length === 0) return new Map();
  const positions = locatePaths(text, paths);
  return new Map(ids.map((id, i) => [id, positions[i]!]));
}
