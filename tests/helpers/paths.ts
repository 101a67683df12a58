import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLES_DIR = path.join(REPO, 'examples');
export const INVALID_DIR = path.join(REPO, 'tests', 'fixtures', 'invalid');
/** Valid files with hostile text (markup, right-to-left, emoji, invisible characters, huge strings). */
export const HOSTILE_DIR = path.join(REPO, 'tests', 'fixtures', 'hostile');
export const CLI = path.join(REPO, 'dist', 'toc.mjs');

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.toc.json'))
    .sort()
    .map((f) => path.join(EXAMPLES_DIR, f));
}

export const readText = (file: string) => readFileSync(file, 'utf8');
