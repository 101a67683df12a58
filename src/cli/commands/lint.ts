import path from 'node:path';
import { locatePaths, RULE_SETTINGS, SEVERITIES, type Model, type TextPosition } from '../../model';
import { lint, RULES, unknownRuleIds } from '../../lint';
import { FORMATTERS, countFindings, type FileResult, type FormatName } from '../../lint/formatters';
import type { Finding, RuleSetting, Severity } from '../../lint/types';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { ConfigFinder } from '../config';
import { expandPaths, loadModelFile, writeFileAtomic } from '../files';

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
    });
    if (positionals.length === 0) throw new UsageError('name at least one file');
    const format = (values.format ?? 'stylish') as FormatName;
    if (!Object.hasOwn(FORMATTERS, format)) throw new UsageError(`unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
    const failOn = (values['fail-on'] ?? 'error') as Severity;
    if (!(SEVERITIES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info, not "${failOn}"`);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const overrideRules = parseRuleOptions(values.rule ?? []);
    const files = await expandPaths(positionals);
    const configs = values['no-config'] ? undefined : new ConfigFinder();

    const results: FileResult[] = [];
    for (const file of files) {
      const loaded = await loadModelFile(file);
      if ('unreadable' in loaded) {
        results.push(fatal(file, [{ path: '', message: `cannot read: ${loaded.unreadable}`, line: 1, column: 1 }]));
        continue;
      }
      if (!loaded.ok) {
        results.push(fatal(file, loaded.problems));
        continue;
      }
      const config = await configs?.find(file);
      let findings = lint(loaded.model, { projectRules: config?.rules, overrideRules });
      if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
      results.push({
        file,
        fatal: false,
        problems: [],
        findings,
        counts: countFindings(findings),
        locations: elementLocations(loaded.text, loaded.model, findings),
      });
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

function fatal(file: string, problems: FileResult['problems']): FileResult {
  return { file, fatal: true, problems, findings: [], counts: { error: 0, warning: 0, info: 0 }, locations: new Map() };
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

function colorWanted(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return process.stdout.isTTY === true;
}
