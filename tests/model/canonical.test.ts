import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, serializeModel, type Model } from '../../src/model';
import { arbitraryModel } from '../helpers/arbitraries';
import { exampleFiles, readText } from '../helpers/paths';

function parsed(text: string): Model {
  const result = parseModel(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.model;
}

describe('canonical form', () => {
  it.each(exampleFiles().map((f) => [path.basename(f), f]))('loading then saving %s changes no byte', (_name, file) => {
    const text = readText(file);
    expect(serializeModel(parsed(text))).toBe(text);
  });

  it('orders keys as the spec tables do, rounds positions and ends with a newline', () => {
    const messy =
      '{"edges":[{"confidence":"high","target":"b","source":"a","kind":"leads-to","id":"e"}],' +
      '"nodes":[{"horizon":"short","label":"B","kind":"outcome","id":"b","data":{"z":1,"a":2},"position":{"y":10.6,"x":-0.4}},' +
      '{"label":"A","id":"a","kind":"activity"}],"title":"T","schemaVersion":1,"community":{"sites":[{"name":"N","id":"s"}],"approach":"other"}}';
    expect(serializeModel(parsed(messy))).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "title": "T",',
        '  "community": {',
        '    "approach": "other",',
        '    "sites": [',
        '      {',
        '        "id": "s",',
        '        "name": "N"',
        '      }',
        '    ]',
        '  },',
        '  "nodes": [',
        '    {',
        '      "id": "b",',
        '      "kind": "outcome",',
        '      "label": "B",',
        '      "position": {',
        '        "x": 0,',
        '        "y": 11',
        '      },',
        '      "data": {',
        '        "z": 1,',
        '        "a": 2',
        '      },',
        '      "horizon": "short"',
        '    },',
        '    {',
        '      "id": "a",',
        '      "kind": "activity",',
        '      "label": "A"',
        '    }',
        '  ],',
        '  "edges": [',
        '    {',
        '      "id": "e",',
        '      "kind": "leads-to",',
        '      "source": "a",',
        '      "target": "b",',
        '      "confidence": "high"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('serialise → parse → serialise is the identity for random valid models', () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const first = serializeModel(model);
        const again = parsed(first);
        expect(serializeModel(again)).toBe(first);
      }),
      { numRuns: 300 },
    );
  });
});
