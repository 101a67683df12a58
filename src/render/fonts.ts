// Embedding the bundled Inter in exported SVG, so a diagram looks the same on every machine. The
// font bytes come in from outside (the CLI reads @fontsource/inter from disk, the browser fetches the
// bundled asset), which keeps this module free of node:fs and of the DOM.
import { FONT_FAMILY } from './theme';

/** One @font-face: a weight of one unicode subset of a family. */
export interface EmbeddedFont {
  /** Defaults to the theme's family (Inter). */
  family?: string;
  weight: number;
  style?: 'normal' | 'italic';
  /** CSS unicode-range of the file; a face is embedded only when the drawing uses one of its characters. */
  unicodeRange?: string;
  format: 'woff2' | 'woff' | 'truetype';
  data: Uint8Array;
}

/** The subsets @fontsource/inter 5 ships, with the unicode ranges of its CSS (the same for every weight). */
export const INTER_SUBSETS = [
  { name: 'latin', unicodeRange: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { name: 'latin-ext', unicodeRange: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
  { name: 'greek', unicodeRange: 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF' },
  { name: 'greek-ext', unicodeRange: 'U+1F00-1FFF' },
  { name: 'cyrillic', unicodeRange: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { name: 'cyrillic-ext', unicodeRange: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F' },
  { name: 'vietnamese', unicodeRange: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB' },
] as const;

/** The weights the exported drawing uses (labels 500, headers 600, tags and titles 700). */
export const EXPORT_FONT_WEIGHTS = [500, 600, 700] as const;

/** The file name of one Inter face in @fontsource/inter's `files/` folder. */
export function interFileName(subset: string, weight: number, format: 'woff2' | 'woff' = 'woff2'): string {
  return `inter-${subset}-${weight}-normal.${format}`;
}

/** Parses a CSS unicode-range into [from, to] code point pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').flatMap((part) => {
    const m = /^\s*U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!m) return [];
    if (m[1]!.includes('?')) return [[parseInt(m[1]!.replace(/\?/g, '0'), 16), parseInt(m[1]!.replace(/\?/g, 'F'), 16)] as [number, number]];
    const from = parseInt(m[1]!, 16);
    return [[from, m[2] ? parseInt(m[2], 16) : from] as [number, number]];
  });
}

export function rangeCovers(ranges: readonly [number, number][], codePoint: number): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The @font-face rules for the faces a drawing needs: only the weights it uses and only the subsets
 * that hold at least one of its characters (a typical English diagram embeds three small latin files).
 */
export function fontFaceCss(fonts: readonly EmbeddedFont[], usedWeights: ReadonlySet<number>, usedCodePoints: ReadonlySet<number>): string {
  const rules: string[] = [];
  for (const font of fonts) {
    if (!usedWeights.has(font.weight)) continue;
    if (font.unicodeRange) {
      const ranges = parseUnicodeRange(font.unicodeRange);
      let used = false;
      for (const cp of usedCodePoints) {
        if (cp > 0x20 && rangeCovers(ranges, cp)) {
          used = true;
          break;
        }
      }
      if (!used) continue;
    }
    const mime = font.format === 'truetype' ? 'font/ttf' : `font/${font.format}`;
    rules.push(
      `@font-face{font-family:'${cssString(font.family ?? FONT_FAMILY)}';font-style:${font.style ?? 'normal'};font-weight:${font.weight};` +
        `src:url(data:${mime};base64,${base64(font.data)}) format('${font.format}')` +
        (font.unicodeRange ? `;unicode-range:${font.unicodeRange.replace(/[^0-9A-Fa-f?U+,\-]/g, '')}` : '') +
        '}',
    );
  }
  return rules.join('\n');
}

function cssString(text: string): string {
  return text.replace(/[^A-Za-z0-9 _-]/g, '');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes, without Buffer or btoa, so the same code runs in Node and the browser. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + (i + 1 < n ? ALPHABET[(v >> 6) & 63]! : '=') + '=';
  }
  out.push(chunk);
  return out.join('');
}
