// toc.config.json: project-wide rule settings, found by searching upward from each model file, as
// ESLint finds its configuration. A broken or unknown setting is an error, never ignored.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RULE_SETTINGS, formatPath, locatePaths, syntaxProblems } from '../model';
import { unknownRuleIds } from '../lint';
import type { RuleSetting } from '../lint/types';
import { UsageError } from './command';
import { describeFsError } from './files';

export const CONFIG_FILE = 'toc.config.json';

const ProjectConfig = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), z.enum(RULE_SETTINGS)).optional(),
});

export interface LoadedConfig {
  file: string;
  rules: Record<string, RuleSetting>;
}

/** Finds and reads the nearest toc.config.json above a model file, caching by directory. */
export class ConfigFinder {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig | undefined>>();

  find(modelFile: string): Promise<LoadedConfig | undefined> {
    return this.inDirectory(path.resolve(path.dirname(modelFile)));
  }

  private inDirectory(dir: string): Promise<LoadedConfig | undefined> {
    let found = this.byDirectory.get(dir);
    if (!found) {
      found = this.read(dir);
      this.byDirectory.set(dir, found);
    }
    return found;
  }

  private async read(dir: string): Promise<LoadedConfig | undefined> {
    const file = path.join(dir, CONFIG_FILE);
    const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw new UsageError(`${file}: cannot read: ${describeFsError(error)}`);
    });
    if (text === undefined) {
      const parent = path.dirname(dir);
      return parent === dir ? undefined : this.inDirectory(parent);
    }
    return { file, rules: parseConfig(file, text) };
  }
}

function parseConfig(file: string, text: string): Record<string, RuleSetting> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const [first] = syntaxProblems(text, 0);
    throw new UsageError(`${file}:${first!.line}:${first!.column}  ${first!.message}`);
  }
  const parsed = ProjectConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [position] = locatePaths(text, [issue.path as (string | number)[]]);
    throw new UsageError(`${file}:${position!.line}:${position!.column}  ${formatPath(issue.path as (string | number)[]) || '(file)'}  ${issue.message}; expected { "rules": { "rule-id": "error" | "warning" | "info" | "off" } }`);
  }
  const rules = parsed.data.rules ?? {};
  const unknown = unknownRuleIds(rules);
  if (unknown.length > 0) {
    throw new UsageError(`${file}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; 'toc rules' lists them`);
  }
  return rules;
}
