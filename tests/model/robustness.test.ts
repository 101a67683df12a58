// Properties over random input: validation never throws, whatever the value or text, and accepts
// every valid model; the rule checker gives identical findings for the same model, also after a
// canonical round trip. (Round trip: canonical.test.ts; layout and SVG: their property tests.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';
import { parseModel, serializeModel, validateModelValue } from '../../src/model';
import { arbitraryModel } from '../helpers/arbitraries';

/** Every problem must be usable: a message, and for text a line and column in the file. */
function expectWellFormed(result: ReturnType<typeof parseModel>) {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.message).toMatch(/\S/);
    expect(problem.message).not.toMatch(/\bundefined\b|\[object Object\]|[\n\r\u2028\u2029]/);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
  }
}

/** Models with something wrong in them: valid models with random values dropped in anywhere. */
const brokenModel = fc
  .tuple(arbitraryModel(6), fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 3 }))
  .map(([model, edits]) => {
    const raw = structuredClone(model) as unknown as Record<string, unknown>;
    const targets = [raw, ...(raw.nodes as object[]), ...(raw.edges as object[])] as Record<string, unknown>[];
    for (const [where, key, value] of edits) {
      const target = targets[where % targets.length]!;
      const keys = Object.keys(target);
      const name = where % 2 === 0 && keys.length > 0 ? keys[where % keys.length]! : key;
      Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
    }
    return raw;
  });

describe('validation never throws', () => {
  it('accepts every random valid model, as a value and as text', () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        expect(validateModelValue(model).ok).toBe(true);
        expect(parseModel(JSON.stringify(model)).ok).toBe(true);
      }),
      { numRuns: 100, seed: 71 },
    );
  });

  it('answers with located problems for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => validateModelValue(value)).not.toThrow();
        expectWellFormed(parseModel(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 300, seed: 72 },
    );
  });

  it('answers with located problems for valid models with random values put anywhere', () => {
    fc.assert(
      fc.property(brokenModel, (raw) => {
        expect(() => validateModelValue(raw)).not.toThrow();
        expectWellFormed(parseModel(JSON.stringify(raw, null, 2)));
      }),
      { numRuns: 300, seed: 73 },
    );
  });

  it('answers with located problems for any text, including cut-off and spliced models', () => {
    const someText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.tuple(arbitraryModel(4), fc.nat(), fc.string({ unit: 'binary', maxLength: 4 })).map(([model, at, insert]) => {
        const text = JSON.stringify(model, null, 2);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (at % 3));
      }),
    );
    fc.assert(
      fc.property(someText, (text) => expectWellFormed(parseModel(text))),
      { numRuns: 200, seed: 74 },
    );
  });
});

describe('the rule checker is deterministic', () => {
  it('gives identical findings twice and after a canonical round trip', () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const findings = lint(model);
        expect(lint(model)).toEqual(findings);
        const reread = parseModel(serializeModel(model));
        if (!reread.ok) throw new Error(reread.problems[0]!.message);
        expect(lint(reread.model)).toEqual(findings);
      }),
      { numRuns: 150, seed: 75 },
    );
  });
});
