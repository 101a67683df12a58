// Node only: the bundled Inter files from @fontsource/inter, for embedding in exported SVG and PDF.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXPORT_FONT_WEIGHTS, INTER_SUBSETS, interFileName, type EmbeddedFont } from '../../render/fonts';

let cached: EmbeddedFont[] | undefined;

/** The directory of @fontsource/inter's font files. */
export function interFilesDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
}

/** Every subset of the weights the export uses, as woff2 (read once per process, ~40 small files). */
export function loadInterFonts(): EmbeddedFont[] {
  if (cached) return cached;
  const dir = interFilesDir();
  const fonts: EmbeddedFont[] = [];
  for (const weight of EXPORT_FONT_WEIGHTS) {
    for (const subset of INTER_SUBSETS) {
      const data = new Uint8Array(readFileSync(path.join(dir, interFileName(subset.name, weight))));
      fonts.push({ weight, unicodeRange: subset.unicodeRange, format: 'woff2', data });
    }
  }
  cached = fonts;
  return fonts;
}
