// Mutations of model files for the fuzzer: structural edits of the parsed JSON (delete, duplicate
// and swap keys and items, change types, hostile text, deep nesting, huge strings, prototype keys)
// and byte edits of the file (truncate, splice, duplicate keys, raw bytes that are not UTF-8).
// Reproducible: a case is fully determined by the seed and its index.

import { random } from '../../bench/generate';

export type Rng = () => number;

/** The generator for case `index` of the run with `seed`. */
export const rngFor = (seed: number, index: number): Rng => random(Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77));

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;

/** Text people should never see break a tool: invisible, right-to-left, markup, controls. */
const HOSTILE_TEXT = [
  '\u200b', // zero width space
  '\u200c\u200d', // zero width (non-)joiner
  '\u2060', // word joiner
  '\ufeff', // byte-order mark inside text
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  'تحسين الجودة',
  'שיפור איכות',
  '🏥👩‍⚕️🇬🇧',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\r\n\u2028\u2029',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("x")()}}',
  '%s%n%d',
  '../../../etc/passwd',
  'e\u0301\u0301\u0301',
];

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const PLAIN = 'abcdefghijklmnopqrstuvwxyz0123456789 -_.:';

function randomText(rng: Rng): string {
  const parts: string[] = [];
  const count = 1 + int(rng, 4);
  for (let i = 0; i < count; i++) {
    const choice = int(rng, 4);
    if (choice === 0) parts.push(pick(rng, HOSTILE_TEXT));
    else if (choice === 1) parts.push(String.fromCharCode(int(rng, 0x10000)));
    else if (choice === 2) parts.push(String.fromCodePoint(int(rng, 0x110000)));
    else parts.push(Array.from({ length: 1 + int(rng, 8) }, () => PLAIN[int(rng, PLAIN.length)]).join(''));
  }
  return parts.join('');
}

/** A value of a different type than usual, or an extreme one of the same. */
function randomValue(rng: Rng): unknown {
  switch (int(rng, 14)) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return pick(rng, [0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -0, 1e7 + 1]);
    case 3:
      return '';
    case 4:
      return randomText(rng);
    case 5:
      return 'x'.repeat(pick(rng, [201, 1_000, 100_000]));
    case 6:
      return [];
    case 7:
      return {};
    case 8:
      return [randomText(rng), int(rng, 100)];
    case 9:
      return { [pick(rng, FORBIDDEN_KEYS)]: { polluted: true } };
    case 10:
      return nested(rng, 10 + int(rng, 200));
    case 11:
      return pick(rng, ['activity', 'leads-to', 'widget', 'n0', 'e0', '2026-02-30', '2026-03-31T09:00:00', 'high']);
    case 12:
      return { x: pick(rng, [0, 1e9, -1e9, '12']), y: 0 };
    default:
      return String(int(rng, 1000));
  }
}

function nested(rng: Rng, depth: number): unknown {
  let value: unknown = randomText(rng);
  for (let i = 0; i < depth; i++) value = rng() < 0.5 ? [value] : { d: value };
  return value;
}

type Container = Record<string, unknown> | unknown[];

/** Every object and list in the value, with the number of items each holds. */
function containers(root: unknown): Container[] {
  const found: Container[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    found.push(value as Container);
    for (const child of Object.values(value)) stack.push(child);
  }
  return found;
}

const keysOf = (c: Container): (string | number)[] => (Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c));

function get(c: Container, key: string | number): unknown {
  return (c as Record<string | number, unknown>)[key];
}

function set(c: Container, key: string | number, value: unknown): void {
  if (Array.isArray(c)) c[key as number] = value;
  else Object.defineProperty(c, key, { value, enumerable: true, configurable: true, writable: true });
}

type StructuralMutation = (c: Container, rng: Rng) => string | undefined;

/** Edits of one object or list; each returns what it did, or undefined when it does not apply. */
const STRUCTURAL: Record<string, StructuralMutation> = {
  'delete key or item': (c, rng) => {
    const keys = keysOf(c);
    if (keys.length === 0) return undefined;
    const key = pick(rng, keys);
    if (Array.isArray(c)) c.splice(key as number, 1);
    else delete (c as Record<string, unknown>)[key];
    return `delete ${key}`;
  },
  'duplicate item': (c, rng) => {
    if (!Array.isArray(c) || c.length === 0) return undefined;
    const i = int(rng, c.length);
    c.splice(int(rng, c.length + 1), 0, structuredClone(c[i]));
    return `duplicate item ${i}`;
  },
  'swap keys or items': (c, rng) => {
    const keys = keysOf(c);
    if (keys.length < 2) return undefined;
    const a = pick(rng, keys);
    const b = pick(rng, keys);
    const value = get(c, a);
    set(c, a, get(c, b));
    set(c, b, value);
    return `swap ${a} and ${b}`;
  },
  'rename key': (c, rng) => {
    if (Array.isArray(c)) return undefined;
    const keys = Object.keys(c);
    if (keys.length === 0) return undefined;
    const key = pick(rng, keys);
    const name = rng() < 0.3 ? pick(rng, FORBIDDEN_KEYS) : rng() < 0.5 ? key.toUpperCase() : `${key}${randomText(rng)}`;
    const value = c[key];
    delete c[key];
    set(c, name, value);
    return `rename ${key}`;
  },
  'change a value': (c, rng) => {
    const keys = keysOf(c);
    if (keys.length === 0) return undefined;
    const key = pick(rng, keys);
    set(c, key, randomValue(rng));
    return `change ${key}`;
  },
  'add a key or item': (c, rng) => {
    const value = randomValue(rng);
    if (Array.isArray(c)) c.splice(int(rng, c.length + 1), 0, value);
    else set(c, rng() < 0.2 ? pick(rng, FORBIDDEN_KEYS) : randomText(rng), value);
    return 'add';
  },
  'insert text': (c, rng) => {
    const keys = keysOf(c).filter((k) => typeof get(c, k) === 'string');
    if (keys.length === 0) return undefined;
    const key = pick(rng, keys);
    const text = get(c, key) as string;
    const at = int(rng, text.length + 1);
    set(c, key, text.slice(0, at) + randomText(rng) + text.slice(at));
    return `insert text into ${key}`;
  },
};

type TextMutation = (bytes: Uint8Array, rng: Rng) => Uint8Array;

const encoder = new TextEncoder();
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Byte sequences that are not UTF-8: a lone continuation byte, an encoded surrogate half, an
 * overlong slash, a truncated sequence, bytes that never occur. */
const BAD_BYTES = [[0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xff, 0xfe], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** Edits of the file's bytes, for what no JSON value can express. */
const TEXT: Record<string, TextMutation> = {
  truncate: (bytes, rng) => bytes.subarray(0, int(rng, bytes.length)),
  'delete bytes': (bytes, rng) => {
    const at = int(rng, bytes.length);
    return concat(bytes.subarray(0, at), bytes.subarray(at + 1 + int(rng, 40)));
  },
  'duplicate bytes': (bytes, rng) => {
    const at = int(rng, bytes.length);
    const end = Math.min(bytes.length, at + 1 + int(rng, 200));
    return concat(bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end));
  },
  'insert text': (bytes, rng) => {
    const at = int(rng, bytes.length + 1);
    const text = rng() < 0.5 ? randomText(rng) : pick(rng, [',', '}', ']', '"', '{', ':', '//', 'NaN', '1e999', "'", '\\', '\u0000']);
    return concat(bytes.subarray(0, at), encoder.encode(text), bytes.subarray(at));
  },
  'insert invalid UTF-8': (bytes, rng) => {
    const at = int(rng, bytes.length + 1);
    return concat(bytes.subarray(0, at), Uint8Array.from(pick(rng, BAD_BYTES)), bytes.subarray(at));
  },
  'prepend byte-order mark': (bytes) => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), bytes),
  'flip a byte': (bytes, rng) => {
    if (bytes.length === 0) return bytes;
    const out = bytes.slice();
    const at = int(rng, out.length);
    out[at] = out[at]! ^ (1 << int(rng, 8));
    return out;
  },
  'duplicate a key': (bytes, rng) => {
    // JSON.parse keeps the last of duplicate keys; the file still names the first.
    const text = new TextDecoder().decode(bytes);
    const keys = [...text.matchAll(/\n(\s*)"(\w+)": ([^\n]*[^,\n]),?\n/g)];
    if (keys.length === 0) return bytes;
    const match = pick(rng, keys);
    const copy = `\n${match[1]}"${match[2]}": ${JSON.stringify(randomValue(rng))},`;
    return encoder.encode(text.slice(0, match.index) + copy + text.slice(match.index));
  },
};

export interface FuzzCase {
  /** Which source file was mutated. */
  source: string;
  /** What was done, in order, for the crash report. */
  steps: string[];
  bytes: Uint8Array;
}

export interface Source {
  name: string;
  text: string;
}

/** Case `index` of the run with `seed`: 1–3 structural edits of a source, then sometimes a byte edit. */
export function mutateCase(sources: readonly Source[], seed: number, index: number): FuzzCase {
  const rng = rngFor(seed, index);
  const source = pick(rng, sources);
  const steps: string[] = [];
  let bytes: Uint8Array;
  if (rng() < 0.75) {
    const value: unknown = JSON.parse(source.text);
    const edits = 1 + int(rng, 3);
    for (let i = 0; i < edits; i++) {
      const all = containers(value);
      const name = pick(rng, Object.keys(STRUCTURAL));
      const did = STRUCTURAL[name]!(pick(rng, all), rng);
      if (did) steps.push(`json: ${did}`);
    }
    bytes = encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
  } else {
    bytes = encoder.encode(source.text);
  }
  if (steps.length === 0 || rng() < 0.3) {
    const name = pick(rng, Object.keys(TEXT));
    bytes = TEXT[name]!(bytes, rng);
    steps.push(`bytes: ${name}`);
  }
  return { source: source.name, steps, bytes };
}
