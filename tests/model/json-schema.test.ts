// The checked-in JSON Schema is what `npm run schema` generates, and ajv — an independent
// validator — agrees with parseModel on every example and every invalid fixture.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { modelJsonSchemaText } from '../../src/model';
import { INVALID_DIR, REPO, exampleFiles } from '../helpers/paths';
import { problemsOfBytes } from '../helpers/problems';

/** Fixtures refused for reasons JSON Schema cannot express (uniqueness, references, prototype
 * keys and nesting in free-form data): ajv must accept these, which proves the list is exact. */
const BEYOND_JSON_SCHEMA = new Set([
  'duplicate-node-ids',
  'duplicate-id-node-and-edge',
  'duplicate-edge-ids',
  'edge-dangling-both-ends',
  'deep-nesting-in-node-data',
  'prototype-key-in-lint-rules',
  'edge-dangling-source',
  'edge-dangling-target',
  'edge-target-is-edge',
  'underpins-edge-missing',
  'underpins-edge-wrong-target',
  'proto-key-in-data',
  'constructor-key',
  'deep-nesting',
]);

const schemaFile = path.join(REPO, 'schemas', 'toc-model.schema.json');

describe('JSON Schema', () => {
  it('is up to date with the zod schemas (run `npm run schema` to refresh)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(modelJsonSchemaText());
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  it.each(exampleFiles().map((f) => path.basename(f)))('accepts the example %s, as parseModel does', (name) => {
    const bytes = readFileSync(path.join(REPO, 'examples', name));
    expect(problemsOfBytes(bytes)).toEqual([]);
    expect(validate(JSON.parse(new TextDecoder().decode(bytes))), JSON.stringify(validate.errors)).toBe(true);
  });

  const parseable = readdirSync(INVALID_DIR)
    .filter((f) => f.endsWith('.toc.json'))
    .sort()
    // Only files that are JSON at all: the others never reach a schema validator.
    .filter((f) => {
      try {
        JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path.join(INVALID_DIR, f))));
        return true;
      } catch {
        return false;
      }
    });

  it('has JSON fixtures to compare on', () => expect(parseable.length).toBeGreaterThan(30));

  it.each(parseable)('agrees with parseModel on %s', (file) => {
    const bytes = readFileSync(path.join(INVALID_DIR, file));
    expect(problemsOfBytes(bytes).length).toBeGreaterThan(0);
    const ajvAccepts = validate(JSON.parse(new TextDecoder().decode(bytes)));
    expect(ajvAccepts).toBe(BEYOND_JSON_SCHEMA.has(file.replace(/\.toc\.json$/, '')));
  });
});
