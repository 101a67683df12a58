// The editor's download: every chunk of a production build with its raw and gzip size, which chunks
// the first visit fetches, and the libraries that must wait for first use (target: first download
// ≤ 300 kB of gzipped JavaScript). `npx tsx bench/bundle.ts [build folder]` reads an existing build.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { printTable } from './timing';

export const FIRST_DOWNLOAD_TARGET_KB = 300;

/** Libraries fetched only on first use, each recognised by text only its own code holds. */
export const LAZY_LIBRARIES = {
  elkjs: 'org.eclipse.elk',
  jsPDF: '/Type /Catalog',
  'svg2pdf.js': 'svg2pdfParameters',
  docx: 'schemas.openxmlformats.org/wordprocessingml',
  ajv: 'must NOT have additional properties',
} as const;
export type LazyLibrary = keyof typeof LAZY_LIBRARIES;

/** A development-only library that must not be in the build at all. */
export const FORBIDDEN_LIBRARIES = { mermaid: 'mermaidAPI' } as const;

export interface BuiltFile {
  /** Path inside the build folder, e.g. `assets/index-abc.js`. */
  file: string;
  raw: number;
  gzip: number;
  /** Fetched by the first visit: the entry, its modulepreloads and everything they import statically. */
  first: boolean;
  /** The lazy or forbidden libraries whose code the file holds. */
  libraries: string[];
}

export interface BuildReport {
  scripts: BuiltFile[];
  styles: BuiltFile[];
  /** Gzipped JavaScript of the first download, in kB (1000 bytes). */
  firstDownloadKb: number;
}

const kb = (bytes: number) => bytes / 1000;

/** Static imports and re-exports of a built ES module (never `import("…")`, which is on demand). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!);
}

/** Reads a build folder (index.html and its assets). */
export function analyseBuild(dir: string): BuildReport {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const local = (href: string, from = '') => path.posix.normalize(path.posix.join(path.posix.dirname(from), href.replace(/^\//, '')));
  const entries = [
    ...html.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((m) => local(m[1]!));
  const first = new Set<string>();
  const visit = (file: string) => {
    if (first.has(file)) return;
    first.add(file);
    for (const spec of staticImports(readFileSync(path.join(dir, file), 'utf8'))) visit(local(spec, file));
  };
  entries.forEach(visit);

  const files = readdirSync(path.join(dir, 'assets')).map((name) => `assets/${name}`);
  const describe = (file: string): BuiltFile => {
    const bytes = readFileSync(path.join(dir, file));
    const text = bytes.toString('utf8');
    const markers: Record<string, string> = { ...LAZY_LIBRARIES, ...FORBIDDEN_LIBRARIES };
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
      first: first.has(file),
      libraries: Object.keys(markers).filter((name) => text.includes(markers[name]!)),
    };
  };
  const scripts = files.filter((f) => f.endsWith('.js')).map(describe).sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);
  const styles = files.filter((f) => f.endsWith('.css')).map(describe);
  return { scripts, styles, firstDownloadKb: kb(scripts.filter((s) => s.first).reduce((sum, s) => sum + s.gzip, 0)) };
}

/** Builds the editor into a temporary folder with the project's Vite configuration. */
async function buildEditor(): Promise<{ dir: string; remove: () => void }> {
  const { build } = await import('vite');
  const dir = mkdtempSync(path.join(tmpdir(), 'toc-bundle-'));
  await build({ configFile: fileURLToPath(new URL('../src/editor/vite.config.ts', import.meta.url)), build: { outDir: dir }, logLevel: 'error' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function benchBundle(existing?: string): Promise<void> {
  const built = existing ? { dir: existing, remove: () => {} } : await buildEditor();
  try {
    if (!statSync(path.join(built.dir, 'index.html'), { throwIfNoEntry: false })) throw new Error(`no build in ${built.dir} (index.html is missing)`);
    const report = analyseBuild(built.dir);
    const row = (f: BuiltFile) => ({
      file: path.basename(f.file),
      'raw kB': kb(f.raw).toFixed(1),
      'gzip kB': kb(f.gzip).toFixed(1),
      'first download': f.first ? 'yes' : '',
      holds: f.libraries.join(', '),
    });
    printTable('Editor bundle: JavaScript chunks (first download = entry + modulepreloads + their static imports)', report.scripts.map(row));
    const met = report.firstDownloadKb <= FIRST_DOWNLOAD_TARGET_KB;
    const lazyInFirst = report.scripts.filter((s) => s.first).flatMap((s) => s.libraries);
    printTable(`Editor bundle: first download (target: ≤ ${FIRST_DOWNLOAD_TARGET_KB} kB gzipped JavaScript; ${Object.keys(LAZY_LIBRARIES).join(', ')} on first use)`, [
      {
        'JS gzip kB': report.firstDownloadKb.toFixed(1),
        'CSS gzip kB (not JS)': kb(report.styles.reduce((sum, s) => sum + s.gzip, 0)).toFixed(1),
        'lazy libraries in it': lazyInFirst.join(', ') || 'none',
        target: met && lazyInFirst.length === 0 ? 'met' : 'MISSED',
      },
    ]);
  } finally {
    built.remove();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await benchBundle(process.argv[2]);
