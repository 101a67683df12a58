// Templates for `toc new`: a blank model and every bundled example.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION, type Model } from '../model';
import { loadModelFile, MODEL_EXTENSION } from './files';

// The bundle lives in dist/, beside examples/ at the top of the package.
const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

export const BLANK_TEMPLATE = 'blank';

export async function templateNames(): Promise<string[]> {
  const files = await fs.readdir(EXAMPLES_DIR).catch(() => [] as string[]);
  const examples = files.filter((f) => f.endsWith(MODEL_EXTENSION)).map((f) => f.slice(0, -MODEL_EXTENSION.length));
  return [BLANK_TEMPLATE, ...examples.sort()];
}

export async function loadTemplate(name: string): Promise<Model | undefined> {
  if (name === BLANK_TEMPLATE) {
    return { schemaVersion: SCHEMA_VERSION, title: 'Untitled theory of change', nodes: [], edges: [] };
  }
  if (!(await templateNames()).includes(name)) return undefined;
  const result = await loadModelFile(path.join(EXAMPLES_DIR, `${name}${MODEL_EXTENSION}`));
  if (!result.ok) throw new Error(`the bundled template ${name} is not a valid model`);
  return result.model;
}
