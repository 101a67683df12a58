// Every fixture in tests/fixtures/invalid is refused with exactly the problems in its .expected file
// (`line:col  path  message` per line): the messages users see are part of the contract.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVALID_DIR } from '../helpers/paths';
import { problemsOfBytes } from '../helpers/problems';

const fixtures = readdirSync(INVALID_DIR).filter((f) => f.endsWith('.toc.json')).sort();

describe('invalid fixtures', () => {
  it('has a fixture for every kind of invalid file the spec lists', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures)('%s', (file) => {
    const bytes = readFileSync(path.join(INVALID_DIR, file));
    const expected = readFileSync(path.join(INVALID_DIR, file.replace(/\.toc\.json$/, '.expected')), 'utf8');
    const actual = problemsOfBytes(bytes).map((p) => `${p.line}:${p.column}  ${p.path || '(file)'}  ${p.message}\n`);
    expect(actual.length).toBeGreaterThan(0);
    expect(actual.join('')).toBe(expected);
  });
});
