// `toc export` and `toc import`, run through their Command objects (the formats that need no browser;
// readers.test.ts runs the PDF path).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseModel } from '../../src/model';
import { UsageError } from '../../src/cli/command';
import { exportCommand, plannedOutputs } from '../../src/cli/commands/export';
import { importCommand } from '../../src/cli/commands/import';
import { exportKumu } from '../../src/export';
import { EXAMPLES_DIR } from '../helpers/paths';
import { hostileModel, loadExample } from './fixtures';

let dir: string;
let model: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'toc-cli-export-'));
  model = path.join(dir, 'keystone.toc.json');
  writeFileSync(model, readFileSync(path.join(EXAMPLES_DIR, 'keystone-icu.toc.json')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function quiet() {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  return out;
}

describe('toc export', () => {
  it('names outputs after the model, beside it', () => {
    expect(plannedOutputs('a/b.toc.json', 'svg', undefined, undefined)).toEqual([['svg', 'a/b.svg']]);
    expect(plannedOutputs('a/b.toc.json', 'kumu', undefined, undefined)).toEqual([['kumu', 'a/b.kumu.json']]);
    expect(plannedOutputs('a/b.toc.json', 'csv', undefined, undefined)).toEqual([['indicators', 'a/b.indicators.csv'], ['risks', 'a/b.risks.csv']]);
    expect(plannedOutputs('a/b.toc.json', 'csv', 'out/plan.csv', 'risks')).toEqual([['risks', 'out/plan.csv']]);
    expect(() => plannedOutputs('a/b.toc.json', 'csv', '-', undefined)).toThrow(UsageError);
  });

  it('rejects misuse with a usage error', async () => {
    quiet();
    await expect(exportCommand.run([model])).rejects.toThrow(/--format/);
    await expect(exportCommand.run([model, '--format', 'gif'])).rejects.toThrow(/unknown format/);
    await expect(exportCommand.run([model, '--format', 'pdf', '--paper', 'A5'])).rejects.toThrow(/A4, A3 or A2/);
    await expect(exportCommand.run([model, '--format', 'png', '--scale', '5'])).rejects.toThrow(/1 to 4/);
    await expect(exportCommand.run([model, '--format', 'csv', '--table', 'sites'])).rejects.toThrow(/indicators or risks/);
    await expect(exportCommand.run([model, '--format', 'svg', '-o', path.join(dir, 'other.toc.json')])).rejects.toThrow(/model file/);
    await expect(exportCommand.run([model, '--format', 'svg', '-o', path.join(dir, 'missing', 'x.svg')])).rejects.toThrow(/does not exist/);
  });

  it('writes SVG, DOT, Mermaid, Kumu and both CSV tables', async () => {
    quiet();
    for (const format of ['svg', 'dot', 'mermaid', 'kumu', 'csv']) expect(await exportCommand.run([model, '--format', format, '--date', '2026-11-27'])).toBe(0);
    for (const file of ['keystone.svg', 'keystone.dot', 'keystone.mmd', 'keystone.kumu.json', 'keystone.indicators.csv', 'keystone.risks.csv']) {
      expect(existsSync(path.join(dir, file))).toBe(true);
    }
    expect(readFileSync(path.join(dir, 'keystone.svg'), 'utf8')).toContain('2026-11-27');
    expect(readFileSync(path.join(dir, 'keystone.kumu.json'), 'utf8')).toContain('"connections"');
    // No temporary files are left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes Markdown with the diagram beside it, and HTML with it inside', async () => {
    quiet();
    const md = path.join(dir, 'bid.md');
    expect(await exportCommand.run([model, '--format', 'md', '-o', md, '--no-config'])).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('](<bid.svg>)');
    expect(existsSync(path.join(dir, 'bid.svg'))).toBe(true);
    expect(readFileSync(md, 'utf8')).toContain('## Rule checker summary');
    const html = path.join(dir, 'bid.html');
    expect(await exportCommand.run([model, '--format', 'html', '-o', html])).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<figure><svg /);
  });

  it('writes to standard output with -o -', async () => {
    const out = quiet();
    expect(await exportCommand.run([model, '--format', 'csv', '--table', 'risks', '-o', '-'])).toBe(0);
    expect(out.join('')).toMatch(/^ID,Risk,Type/);
  });

  it('lists the problems of an invalid model and exits 1', async () => {
    const out = quiet();
    const bad = path.join(dir, 'bad.toc.json');
    writeFileSync(bad, '{"schemaVersion": 1, "nodes": []}');
    expect(await exportCommand.run([bad, '--format', 'svg'])).toBe(1);
    expect(out.join('')).toMatch(/title/);
    expect(existsSync(path.join(dir, 'bad.svg'))).toBe(false);
  });
});

describe('toc import --from kumu', () => {
  it('writes a valid model, and never overwrites without --force', async () => {
    const out = quiet();
    const blueprint = path.join(dir, 'map.json');
    writeFileSync(blueprint, exportKumu(hostileModel()));
    const target = path.join(dir, 'imported.toc.json');
    expect(await importCommand.run(['--from', 'kumu', blueprint, '-o', target, '--title', 'From Kumu'])).toBe(0);
    const parsed = parseModel(readFileSync(target, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.model.title).toBe('From Kumu');
      expect(parsed.model.nodes.map((n) => n.label)).toEqual(hostileModel().nodes.map((n) => n.label));
    }
    await expect(importCommand.run(['--from', 'kumu', blueprint, '-o', target])).rejects.toThrow(/already exists/);
    writeFileSync(blueprint, exportKumu(loadExample('keystone-icu')));
    expect(await importCommand.run(['--from', 'kumu', blueprint, '-o', target, '--force'])).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Keystone');
    expect(out.join('')).toMatch(/wrote .*imported\.toc\.json/);
  });

  it('rejects misuse and files that are not blueprints', async () => {
    quiet();
    const blueprint = path.join(dir, 'not.json');
    writeFileSync(blueprint, '{"hello": 1}');
    await expect(importCommand.run([blueprint, '-o', path.join(dir, 'x.toc.json')])).rejects.toThrow(/--from kumu/);
    await expect(importCommand.run(['--from', 'kumu', blueprint, '-o', path.join(dir, 'x.json')])).rejects.toThrow(/\.toc\.json/);
    expect(await importCommand.run(['--from', 'kumu', blueprint, '-o', path.join(dir, 'x.toc.json')])).toBe(1);
    expect(existsSync(path.join(dir, 'x.toc.json'))).toBe(false);
  });
});
