import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { serializeModel, type Model } from '../../src/model';
import { toc, STACK_TRACE } from '../helpers/cli';
import { INVALID_DIR, REPO, exampleFiles } from '../helpers/paths';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'toc-lint-'));

/** A half-drawn model: an activity without impact, owner or resource. */
const HALF_DRAWN: Model = {
  schemaVersion: 1,
  title: 'Half drawn <b>bold</b> | piped',
  nodes: [
    { id: 'act-huddles', kind: 'activity', label: 'Run <script>alert(1)</script> huddles' },
    { id: 'oc-fewer', kind: 'outcome', label: 'Fewer infections', horizon: 'short' },
  ],
  edges: [{ id: 'e-1', kind: 'leads-to', source: 'act-huddles', target: 'oc-fewer' }],
};

function writeModel(dir: string, name: string, model: Model): string {
  const file = path.join(dir, name);
  writeFileSync(file, serializeModel(model));
  return file;
}

interface JsonResult {
  file: string;
  fatal: boolean;
  problems: { path: string; message: string; line: number; column: number }[];
  findings: { rule: string; lesson: number | null; severity: string; message: string; fix: string; nodeId?: string; edgeId?: string; suppressed?: { reason: string } }[];
  counts: { error: number; warning: number; info: number };
}

const jsonOf = (args: string[], cwd?: string) => {
  const run = toc(['lint', '--format', 'json', ...args], { cwd });
  return { run, results: JSON.parse(run.stdout) as JsonResult[] };
};

describe('toc lint', () => {
  it('finds no errors in any example and prints a per-lesson summary', () => {
    const run = toc(['lint', ...exampleFiles()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✓|✕/);
    expect(run.stdout).toMatch(/0 errors/);
  });

  it('json: one object per file with exactly file, fatal, problems, findings, counts', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const { run, results } = jsonOf([file]);
    expect(run.status).toBe(1);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(Object.keys(result!)).toEqual(['file', 'fatal', 'problems', 'findings', 'counts']);
    expect(result!.file).toBe(file);
    expect(result!.fatal).toBe(false);
    const impact = result!.findings.find((f) => f.rule === 'impact-present');
    expect(impact).toMatchObject({ lesson: 2, severity: 'error' });
    expect(impact!.fix.length).toBeGreaterThan(10);
    const counted = { error: 0, warning: 0, info: 0 };
    for (const f of result!.findings) if (!f.suppressed) counted[f.severity as keyof typeof counted]++;
    expect(result!.counts).toEqual(counted);
  });

  it('reports an invalid file as fatal, still lints the others, and exits 2', () => {
    const dir = scratch();
    const good = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const bad = path.join(INVALID_DIR, 'many-problems.toc.json');
    const { run, results } = jsonOf([bad, good, path.join(dir, 'missing.toc.json')]);
    expect(run.status).toBe(2);
    expect(results.map((r) => r.fatal)).toEqual([true, false, true]);
    expect(results[0]!.problems[0]).toMatchObject({ path: 'nodes[0].strategy', line: 9, column: 7 });
    expect(results[1]!.findings.length).toBeGreaterThan(0);
    expect(results[2]!.problems[0]!.message).toBe('cannot read: no such file');
  });

  it('gives clear usage errors with exit 2 and no stack trace', () => {
    for (const args of [
      ['lint'],
      ['lint', '--format', 'xml', 'x.toc.json'],
      ['lint', '--fail-on', 'fatal', 'x.toc.json'],
      ['lint', '--max-warnings', 'many', 'x.toc.json'],
      ['lint', '--rule', 'no-such-rule=error', 'x.toc.json'],
      ['lint', '--rule', 'impact-present', 'x.toc.json'],
      ['lint', `${scratch()}/*.toc.json`],
    ]) {
      const run = toc(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^toc lint: .+\nUsage: toc lint/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('--fail-on, --max-warnings and --quiet decide the exit code and output', () => {
    const dir = scratch();
    // Only warnings and info: the half-drawn model with its error rules switched off.
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const errorRules = new Set(jsonOf([file]).results[0]!.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect(errorRules.size).toBeGreaterThan(0);
    const base = [...errorRules].flatMap((rule) => ['--rule', `${rule}=off`]);
    const { results } = jsonOf([...base, file]);
    expect(results[0]!.counts.error).toBe(0);
    expect(results[0]!.counts.warning).toBeGreaterThan(0);
    expect(toc(['lint', ...base, file]).status).toBe(0);
    expect(toc(['lint', ...base, '--fail-on', 'warning', file]).status).toBe(1);
    expect(toc(['lint', ...base, '--max-warnings', '0', file]).status).toBe(1);
    expect(toc(['lint', ...base, '--max-warnings', '1000', file]).status).toBe(0);
    const quiet = jsonOf(['--quiet', file]).results[0]!;
    expect(quiet.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.findings.length).toBeGreaterThan(0);
  });

  it('layers settings: defaults ← toc.config.json (found upward) ← the model ← --rule', () => {
    const root = scratch();
    const nested = path.join(root, 'programmes', 'north');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(root, 'toc.config.json'), JSON.stringify({ rules: { 'impact-present': 'info', 'problem-stated': 'off' } }));
    const file = writeModel(nested, 'half.toc.json', { ...HALF_DRAWN, lint: { rules: { 'problem-stated': 'warning' } } });
    const severityOf = (args: string[], rule: string) => jsonOf([...args, file]).results[0]!.findings.find((f) => f.rule === rule)?.severity;
    expect(severityOf([], 'impact-present')).toBe('info');
    expect(severityOf(['--no-config'], 'impact-present')).toBe('error');
    expect(severityOf([], 'problem-stated')).toBe('warning');
    expect(severityOf(['--rule', 'problem-stated=error'], 'problem-stated')).toBe('error');
    expect(severityOf(['--rule', 'impact-present=off'], 'impact-present')).toBeUndefined();
  });

  it('refuses a project config with an unknown rule or a syntax error, saying where', () => {
    const root = scratch();
    const file = writeModel(root, 'half.toc.json', HALF_DRAWN);
    writeFileSync(path.join(root, 'toc.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    let run = toc(['lint', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('toc.config.json: unknown rule "no-such-rule"');
    writeFileSync(path.join(root, 'toc.config.json'), '{\n  "rules": {,}\n}');
    run = toc(['lint', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/toc\.config\.json:2:\d+ {2}JSON syntax error/);
  });

  it('lists suppressed findings with their reason without counting them', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', {
      ...HALF_DRAWN,
      lint: { suppressions: [{ rule: 'impact-present', reason: 'the aim is drawn in the regional model' }] },
    });
    const { results } = jsonOf([file]);
    const impact = results[0]!.findings.find((f) => f.rule === 'impact-present');
    expect(impact?.suppressed).toEqual({ reason: 'the aim is drawn in the regional model' });
    const stylish = toc(['lint', file]).stdout;
    expect(stylish).toMatch(/suppressed .*impact-present .*the aim is drawn in the regional model/);
  });

  it('stylish points at the line and column of the node in the file', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const text = readFileSync(file, 'utf8');
    const nodeLine = text.split('\n').findIndex((l) => l.includes('"id": "act-huddles"'));
    const run = toc(['lint', file]);
    // The node's object opens on the line above its id.
    expect(run.stdout).toMatch(new RegExp(`\\n {2}${nodeLine}:5 +.*Run <script>alert\\(1\\)</script> huddles`));
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, locations and stable fingerprints', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'tests', 'fixtures', 'vendor', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv4({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const bad = path.join(dir, 'bad.toc.json');
    copyFileSync(path.join(INVALID_DIR, 'edge-dangling-target.toc.json'), bad);
    const first = toc(['lint', '--format', 'sarif', file, bad]);
    expect(first.status).toBe(2);
    const log = JSON.parse(first.stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'impact-present');
    expect(rule.shortDescription.text.length).toBeGreaterThan(5);
    expect(rule.help.text.length).toBeGreaterThan(5);
    expect(rule.properties.lesson).toBe(2);
    const owned = run.results.find((r: { ruleId: string; locations: { logicalLocations: { name: string }[] }[] }) => r.locations[0]!.logicalLocations[0]!.name === 'act-huddles');
    expect(owned.locations[0].physicalLocation.artifactLocation.uri).toBe(file);
    expect(owned.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(run.results.some((r: { ruleId: string }) => r.ruleId === 'model-invalid')).toBe(true);
    // Fingerprints survive a second run and edits elsewhere in the file.
    writeModel(dir, 'half.toc.json', { ...HALF_DRAWN, summary: 'A longer file now.\nWith lines.' });
    const second = JSON.parse(toc(['lint', '--format', 'sarif', file, bad]).stdout).runs[0];
    const prints = (results: { partialFingerprints: Record<string, string> }[]) => results.map((r) => r.partialFingerprints['tocFinding/v1']).sort();
    expect(prints(second.results)).toEqual(prints(run.results));
  });

  it('github: workflow commands with escaped data', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half,1.toc.json', HALF_DRAWN);
    const lines = toc(['lint', '--format', 'github', file]).stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+half%2C1\.toc\.json,line=\d+,col=\d+,title=[^:]+::\S/);
  });

  it('markdown and junit keep user text as text', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const markdown = toc(['lint', '--format', 'markdown', file]).stdout;
    expect(markdown).toContain('| Severity | Lesson | Rule | Where | Finding | Fix |');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    const junit = toc(['lint', '--format', 'junit', file]).stdout;
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="toc lint" tests="\d+" failures="\d+">/);
    expect(junit).not.toContain('<script>');
    expect(junit).toContain('&lt;script&gt;');
  });

  it('--output writes the report atomically and prints where', () => {
    const dir = scratch();
    const file = writeModel(dir, 'half.toc.json', HALF_DRAWN);
    const out = path.join(dir, 'report.sarif');
    const run = toc(['lint', '--format', 'sarif', '--output', out, file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('sarif report written');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

describe('toc rules', () => {
  it('lists every rule with lesson, severity and title, and prints one rule’s documentation', () => {
    const list = toc(['rules']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/impact-present +2 +error +\S/);
    const doc = toc(['rules', 'impact-present']);
    expect(doc.status).toBe(0);
    expect(doc.stdout).toContain('impact-present');
    expect(doc.stdout).toMatch(/Lesson 2/);
    const unknown = toc(['rules', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no rule named nope');
  });
});
