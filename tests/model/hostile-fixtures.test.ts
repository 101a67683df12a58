// Valid files with hostile text in every field: `toc validate` and `toc lint` print exactly the
// output in each .expected file (run in the fixture's folder, so paths are short), and the file
// survives a canonical round trip byte for byte. Markup stays text; nothing is dropped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, serializeModel } from '../../src/model';
import { toc } from '../helpers/cli';
import { HOSTILE_DIR } from '../helpers/paths';

const fixtures = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.toc.json')).sort();

/** What a user sees for `toc validate FILE` then `toc lint --no-config FILE`, with exit codes. */
function transcript(file: string): string {
  return [['validate', file], ['lint', '--no-config', file]]
    .map((args) => {
      const run = toc(args, { cwd: HOSTILE_DIR });
      return `$ toc ${args.join(' ')}\n${run.stdout}${run.stderr}(exit ${run.status})\n`;
    })
    .join('');
}

describe('hostile but valid fixtures', () => {
  it('cover markup, right-to-left, emoji, invisible characters, terminal escapes and huge text', () => {
    expect(fixtures).toEqual(['emoji.toc.json', 'html-and-script.toc.json', 'huge-text.toc.json', 'invisible-characters-in-text.toc.json', 'right-to-left.toc.json', 'terminal-escapes.toc.json']);
  });

  it.each(fixtures)('%s: validate and lint print exactly the expected output', (file) => {
    const expected = readFileSync(path.join(HOSTILE_DIR, file.replace(/\.toc\.json$/, '.expected')), 'utf8');
    expect(transcript(file)).toBe(expected);
  });

  it.each(fixtures)('%s: loading then saving changes no byte', (file) => {
    const text = readFileSync(path.join(HOSTILE_DIR, file), 'utf8');
    const result = parseModel(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializeModel(result.model)).toBe(text);
  });
});
