import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const FORMATTERS = { stylish, json, sarif, junit, markdown, github } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
export * from './types';
