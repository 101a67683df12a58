// `toc layout`, through its run() function (main.ts registers the command; see the report).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layoutCommand } from '../../src/cli/commands/layout';
import { UsageError } from '../../src/cli/command';
import { measureLayout } from '../../src/layout';
import { parseModel, serializeModel, type Model } from '../../src/model';
import { nodeSize } from '../../src/render/text';
import { EXAMPLES_DIR, INVALID_DIR } from '../helpers/paths';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'toc-layout-'));
const example = (name = 'keystone-icu.toc.json') => {
  const dir = scratch();
  const file = path.join(dir, name);
  copyFileSync(path.join(EXAMPLES_DIR, name), file);
  return { dir, file };
};
const load = (file: string): Model => {
  const parsed = parseModel(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('invalid');
  return parsed.model;
};
const stripPositions = (model: Model) => serializeModel({ ...model, nodes: model.nodes.map(({ position: _, ...n }) => n as Model['nodes'][number]) });
/** The model's own positions as a drawing, to measure what was written. */
const drawingOf = (model: Model) => ({
  positions: Object.fromEntries(model.nodes.map((n) => [n.id, n.position!])),
  sizes: Object.fromEntries(model.nodes.map((n) => [n.id, nodeSize(n)])),
  routes: {},
});

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('toc layout', () => {
  it('--write rewrites positions only, atomically, in canonical form; a second run changes nothing', async () => {
    const { dir, file } = example();
    const before = load(file);
    expect(await layoutCommand.run([file, '--write'])).toBe(0);
    expect(out).toMatch(/keystone-icu\.toc\.json: laid out 59 nodes in \d+\.\d s/);
    const text = readFileSync(file, 'utf8');
    const after = load(file);
    expect(serializeModel(after)).toBe(text);
    expect(stripPositions(after)).toBe(stripPositions(before));
    expect(after.nodes.filter((n, i) => n.position!.x !== before.nodes[i]!.position!.x || n.position!.y !== before.nodes[i]!.position!.y).length).toBeGreaterThan(30);
    const metrics = measureLayout(after, drawingOf(after));
    expect(metrics.overlaps).toBe(0);
    expect(metrics.backwardEdges).toEqual([]);
    expect(readdirSync(dir)).toEqual(['keystone-icu.toc.json']);

    expect(await layoutCommand.run([file, '--write'])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('without --write prints the laid-out model and leaves the file alone', async () => {
    const { file } = example('project-echo-hepatitis-c.toc.json');
    const original = readFileSync(file, 'utf8');
    expect(await layoutCommand.run([file])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const printed = parseModel(out);
    expect(printed.ok).toBe(true);
    if (printed.ok) expect(stripPositions(printed.model)).toBe(stripPositions(load(file)));
  });

  it('--direction TB lays causal links out top to bottom; pinned nodes stay put', async () => {
    const { file } = example('emergency-laparotomy-collaborative.toc.json');
    const model = load(file);
    model.nodes[3] = { ...model.nodes[3]!, position: { x: -500, y: 777 }, pinned: true };
    writeFileSync(file, serializeModel(model));
    expect(await layoutCommand.run([file, '--write', '--direction', 'tb', '--spacing', 'compact'])).toBe(0);
    const after = load(file);
    expect(after.nodes[3]!.position).toEqual({ x: -500, y: 777 });
    const metrics = measureLayout(after, drawingOf(after), 'TB');
    expect(metrics.overlaps).toBe(0);
    expect(metrics.backwardEdges).toEqual([]);
  });

  it('past --timeout stops ELK, says so, and writes the fast layout instead', async () => {
    const { file } = example();
    expect(await layoutCommand.run([file, '--write', '--timeout', '0.001'])).toBe(0);
    expect(err).toContain('the layout engine did not finish within 0.001 s and was stopped; used the fast layout instead');
    expect(err).toContain('Allow longer with --timeout SECONDS.');
    const after = load(file);
    expect(measureLayout(after, drawingOf(after)).overlaps).toBe(0);
  });

  it('reports an invalid file (exit 1) and an unreadable one (exit 2), writing nothing', async () => {
    const bad = path.join(INVALID_DIR, 'edge-dangling-target.toc.json');
    const original = readFileSync(bad, 'utf8');
    expect(await layoutCommand.run([bad, '--write'])).toBe(1);
    expect(out).toContain('edge-dangling-target.toc.json:');
    expect(readFileSync(bad, 'utf8')).toBe(original);
    expect(await layoutCommand.run(['no/such/file.toc.json'])).toBe(2);
    expect(err).toContain('no/such/file.toc.json: cannot read: no such file');
  });

  it.each([
    [['a.toc.json', 'b.toc.json'], 'exactly one'],
    [[], 'exactly one'],
    [['a.toc.json', '--direction', 'RL'], '--direction must be LR or TB'],
    [['a.toc.json', '--spacing', 'huge'], '--spacing must be'],
    [['a.toc.json', '--timeout', '0'], '--timeout must be a positive number'],
    [['a.toc.json', '--timeout', 'soon'], '--timeout must be a positive number'],
    [['a.toc.json', '--colour'], "Unknown option '--colour'"],
  ])('%j is a usage error', async (argv, message) => {
    await expect(layoutCommand.run(argv)).rejects.toThrow(UsageError);
    await expect(layoutCommand.run(argv)).rejects.toThrow(message);
  });
});

describe('toc layout (the built command)', () => {
  it('runs from dist/toc.mjs: exit 0, positions written, no stack trace; a usage error exits 2', async () => {
    const { toc, STACK_TRACE } = await import('../helpers/cli');
    const { file } = example('project-echo-hepatitis-c.toc.json');
    const run = toc(['layout', file, '--write', '--direction', 'TB']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('laid out');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    const after = load(file);
    expect(measureLayout(after, drawingOf(after), 'TB').overlaps).toBe(0);
    const usage = toc(['layout', file, '--direction', 'sideways']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: toc layout FILE');
  });
});
