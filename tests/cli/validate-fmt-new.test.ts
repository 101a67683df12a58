import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model';
import { toc, STACK_TRACE } from '../helpers/cli';
import { INVALID_DIR, exampleFiles } from '../helpers/paths';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'toc-cli-'));
const examples = exampleFiles();
const invalid = readdirSync(INVALID_DIR).filter((f) => f.endsWith('.toc.json')).sort();
const VALID = JSON.stringify({ schemaVersion: 1, title: 'Tiny', nodes: [{ id: 'a', kind: 'impact', label: 'Aim' }], edges: [] });

describe('toc validate', () => {
  it('exits 0 on valid files and says so', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'tiny.toc.json'), VALID);
    const run = toc(['validate', path.join(dir, 'tiny.toc.json'), ...examples]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('tiny.toc.json: valid (1 nodes, 0 edges)');
  });

  it('prints each problem as file:line:col  path  message and exits 1', () => {
    const file = path.join(INVALID_DIR, 'many-problems.toc.json');
    const run = toc(['validate', file]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`${file}:9:7  nodes[0].strategy  "firm" is not allowed here; expected one of hard, soft, mixed`);
  });

  it.each(invalid)('reports %s with a message and exit 1, never a stack trace', (name) => {
    const run = toc(['validate', path.join(INVALID_DIR, name)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/:\d+:\d+ {2}\S+ {2}\S/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 for an unreadable path but still checks the other files', () => {
    const run = toc(['validate', 'no/such/file.toc.json', path.join(INVALID_DIR, 'empty.toc.json')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('no/such/file.toc.json: cannot read: no such file');
    expect(run.stdout).toContain('empty.toc.json:1:1');
  });

  it('expands quoted globs and directories, and refuses an empty glob with exit 2', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'a.toc.json'), VALID);
    writeFileSync(path.join(dir, 'b.toc.json'), VALID);
    expect(toc(['validate', `${dir}/*.toc.json`]).stdout.match(/valid/g)).toHaveLength(2);
    expect(toc(['validate', dir]).stdout.match(/valid/g)).toHaveLength(2);
    const empty = toc(['validate', `${dir}/*.nothing`]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain(`no files match ${dir}/*.nothing`);
  });

  it('refuses a file over the size limit before reading it', () => {
    const dir = scratch();
    const big = path.join(dir, 'big.toc.json');
    writeFileSync(big, Buffer.alloc(64 * 1024 * 1024 + 10, 0x20));
    const run = toc(['validate', big]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ToC Studio opens models up to 64\.0 MiB/);
  });
});

describe('toc fmt', () => {
  it('--check passes canonical files and lists the others without changing them', () => {
    const dir = scratch();
    const file = path.join(dir, 'messy.toc.json');
    writeFileSync(file, VALID);
    expect(toc(['fmt', '--check', ...examples]).status).toBe(0);
    const run = toc(['fmt', '--check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('messy.toc.json: not in canonical form');
    expect(readFileSync(file, 'utf8')).toBe(VALID);
  });

  it('rewrites in canonical form atomically, leaving no temporary file behind', () => {
    const dir = scratch();
    const file = path.join(dir, 'messy.toc.json');
    writeFileSync(file, VALID);
    expect(toc(['fmt', file]).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(VALID), null, 2)}\n`);
    expect(readdirSync(dir)).toEqual(['messy.toc.json']);
    expect(toc(['fmt', '--check', file]).status).toBe(0);
  });

  it('never rewrites an invalid file', () => {
    const dir = scratch();
    const file = path.join(dir, 'bad.toc.json');
    copyFileSync(path.join(INVALID_DIR, 'many-problems.toc.json'), file);
    const before = readFileSync(file);
    const run = toc(['fmt', file]);
    expect(run.status).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('toc new', () => {
  it('creates a valid model from the blank template and from every example', () => {
    const dir = scratch();
    const blank = path.join(dir, 'blank.toc.json');
    expect(toc(['new', '--title', 'Sepsis collaborative', blank]).status).toBe(0);
    const result = parseModel(readFileSync(blank, 'utf8'));
    expect(result.ok && result.model.title).toBe('Sepsis collaborative');
    const names = toc(['new', '--list']).stdout.trim().split('\n');
    expect(names[0]).toBe('blank');
    expect(names).toHaveLength(1 + examples.length);
    for (const name of names.slice(1)) {
      const file = path.join(dir, `${name}.toc.json`);
      expect(toc(['new', '--template', name, file]).status).toBe(0);
      expect(parseModel(readFileSync(file, 'utf8')).ok).toBe(true);
    }
  });

  it('never overwrites without --force', () => {
    const dir = scratch();
    const file = path.join(dir, 'mine.toc.json');
    writeFileSync(file, 'my precious work');
    const run = toc(['new', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists; use --force');
    expect(readFileSync(file, 'utf8')).toBe('my precious work');
    expect(toc(['new', '--force', file]).status).toBe(0);
    expect(parseModel(readFileSync(file, 'utf8')).ok).toBe(true);
  });

  it('refuses an unknown template with the list of templates', () => {
    const run = toc(['new', '--template', 'nope', path.join(scratch(), 'x.toc.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no template named nope; templates: blank/);
  });
});

describe('every command', () => {
  const commands = ['validate', 'fmt', 'new', 'schema'];

  it.each(commands)('%s --help prints its usage and exits 0', (command) => {
    const run = toc([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: toc ${command}`));
  });

  it.each(commands)('%s with an unknown flag is a usage error showing the usage line', (command) => {
    const run = toc([command, '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--bogus'");
    expect(run.stderr).toContain(`Usage: toc ${command}`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('an unknown command is a usage error', () => {
    const run = toc(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('schema prints the checked-in JSON Schema', () => {
    const run = toc(['schema']);
    expect(run.status).toBe(0);
    expect(existsSync(path.join('schemas', 'toc-model.schema.json'))).toBe(true);
    expect(run.stdout).toBe(readFileSync(path.join('schemas', 'toc-model.schema.json'), 'utf8'));
  });
});
