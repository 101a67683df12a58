import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { RULE_SETTINGS, SEVERITIES } from '../../model';
import { RULES, unknownRuleIds } from '../../lint';
import { FORMATTERS, type FileResult, type FormatName } from '../../lint/formatters';
import type { RuleSetting, Severity } from '../../lint/types';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { ConfigFinder } from '../config';
import { expandPaths, writeFileAtomic } from '../files';
import { lintFile, type LintSettings } from '../lint-files';
import { lintInWorkers } from '../lint-pool';

declare const __TOC_VERSION__: string;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check models against the eight lessons and the structural rules',
  usage: 'toc lint [options] FILE|GLOB|DIR…',
  help: `Compares each model with the eight lessons of Aveling et al. (2012) and the structural checks.

Options:
  --format NAME         stylish (default), json, sarif, junit, markdown or github
  --output FILE         write the report to FILE (atomically) instead of standard output
  --fail-on LEVEL       exit 1 on findings at or above LEVEL: error (default), warning or info
  --max-warnings N      exit 1 when there are more than N warnings
  --quiet               report errors only
  --rule ID=SEVERITY    set a rule to error, warning, info or off (repeatable; overrides all config)
  --no-config           ignore toc.config.json files
  --jobs N              lint in N worker threads; 1 lints in this process. Default: one per
                        core, or in this process when the files are too few or small to gain

Settings, each overriding the one before: rule defaults, the nearest toc.config.json above the
model ({ "rules": { "rule-id": "warning" } }), the model's own "lint.rules", then --rule.
Suppressed findings are listed but not counted.

Exit status: 0 nothing at or above the fail level; 1 findings at or above it, or too many
warnings; 2 a usage error, or a file that cannot be read or is not a valid model (every other
file is still linted).`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      rule: { type: 'string', multiple: true },
      'no-config': { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file');
    const format = (values.format ?? 'stylish') as FormatName;
    if (!Object.hasOwn(FORMATTERS, format)) throw new UsageError(`unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
    const failOn = (values['fail-on'] ?? 'error') as Severity;
    if (!(SEVERITIES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info, not "${failOn}"`);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const jobs = parseJobs(values.jobs);
    const settings: LintSettings = { overrideRules: parseRuleOptions(values.rule ?? []), quiet: values.quiet === true, useConfig: values['no-config'] !== true };
    const files = await expandPaths(positionals);
    const workers = Math.min(jobs ?? (await worthAPool(files) ? availableParallelism() : 1), files.length);

    let results: FileResult[];
    if (workers > 1) {
      results = await lintInWorkers(files, settings, workers);
    } else {
      const configs = settings.useConfig ? new ConfigFinder() : undefined;
      results = [];
      for (const file of files) results.push(await lintFile(file, settings, configs));
    }

    const report = FORMATTERS[format](results, {
      rules: RULES,
      color: values.output === undefined && format === 'stylish' && colorWanted(),
      toolVersion: __TOC_VERSION__,
    });
    if (values.output !== undefined) {
      await writeFileAtomic(values.output, report, { overwrite: true });
      writeOut(`${path.relative(process.cwd(), values.output) || values.output}: ${format} report written`);
    } else if (report !== '') {
      process.stdout.write(report);
    }

    if (results.some((r) => r.fatal)) return EXIT.usage;
    const failing = results.some((r) => r.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]));
    const warnings = results.reduce((sum, r) => sum + r.counts.warning, 0);
    return failing || (maxWarnings !== undefined && warnings > maxWarnings) ? EXIT.findings : EXIT.ok;
  },
};

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of at least 1, not "${value}"`);
  return Number(value);
}

// Below this many bytes in all, workers cost more than they save: each takes about 0.16 s to
// start, a pool spends about 35% more CPU per file (two heaps, sending results), and formatting
// stays on one thread. On 2 cores a pool broke even only at about 40 MB (bench/lint-files.ts).
const POOL_MIN_BYTES = 32_000_000;

async function worthAPool(files: readonly string[]): Promise<boolean> {
  if (files.length < 2 || availableParallelism() < 2) return false;
  let total = 0;
  for (const file of files) {
    total += await fs.stat(file).then((s) => s.size, () => 0);
    if (total >= POOL_MIN_BYTES) return true;
  }
  return false;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, not "${value}"`);
  return Number(value);
}

function parseRuleOptions(options: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const option of options) {
    const match = /^([^=]+)=(.+)$/.exec(option);
    if (!match || !(RULE_SETTINGS as readonly string[]).includes(match[2]!)) {
      throw new UsageError(`--rule needs ID=SEVERITY with SEVERITY one of ${RULE_SETTINGS.join(', ')}, not "${option}"`);
    }
    rules[match[1]!] = match[2] as RuleSetting;
  }
  const unknown = unknownRuleIds(rules);
  if (unknown.length > 0) throw new UsageError(`unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; 'toc rules' lists them`);
  return rules;
}

function colorWanted(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return process.stdout.isTTY === true;
}
