// The house plan, enforced: the pure core never imports React, React Flow, Node's built-ins or the
// DOM, so the same code runs in the browser, the CLI and the tests. Browser-only entry points
// (`*.browser.ts`, `worker.ts`) may use browser globals, never Node's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/paths';

const CORE = ['model', 'lint', 'layout', 'render', 'export'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const coreFiles = CORE.flatMap((area) => {
  const dir = path.join(REPO, 'src', area);
  try {
    return sources(dir);
  } catch {
    return [];
  }
});

const importsOf = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('the pure core', () => {
  it('has files to check', () => expect(coreFiles.length).toBeGreaterThan(10));

  it.each(coreFiles.map((f) => [path.relative(REPO, f), f]))('%s imports no React, DOM library or Node built-in', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const forbidden = importsOf(text).filter((spec) => /^(react|react-dom|@xyflow\/|node:|fs$|path$|child_process$|worker_threads$)/.test(spec) || spec.includes('/editor/') || spec.includes('/cli/'));
    expect(forbidden).toEqual([]);
    if (!/(\.browser\.ts|worker\.ts)$/.test(file)) {
      expect(text).not.toMatch(/\b(document|window|navigator|localStorage|indexedDB)\s*\./);
    }
  });
});
