import type { Model } from '../../src/model';

/** A small model: input → activity → mechanism → outcome → impact, with a measure and an assumption. */
export function smallModel(): Model {
  return {
    schemaVersion: 1,
    title: 'Test programme',
    nodes: [
      { id: 'in-1', kind: 'input', label: 'Funding', position: { x: 0, y: 40 } },
      { id: 'a-1', kind: 'activity', label: 'Monthly meetings', position: { x: 280, y: 40 } },
      { id: 'm-1', kind: 'mechanism', label: 'Peer norms', direction: 'horizontal', position: { x: 560, y: 40 } },
      { id: 'o-1', kind: 'outcome', label: 'Better practice', horizon: 'short', position: { x: 1120, y: 40 } },
      { id: 'i-1', kind: 'impact', label: 'Fewer infections', position: { x: 1960, y: 40 } },
      { id: 'as-1', kind: 'assumption', label: 'Staff attend', position: { x: 560, y: 200 } },
    ],
    edges: [
      { id: 'e-in', kind: 'enables', source: 'in-1', target: 'a-1' },
      { id: 'e-am', kind: 'leads-to', source: 'a-1', target: 'm-1' },
      { id: 'e-mo', kind: 'leads-to', source: 'm-1', target: 'o-1' },
      { id: 'e-oi', kind: 'leads-to', source: 'o-1', target: 'i-1' },
      { id: 'e-as', kind: 'underpins', source: 'as-1', target: 'm-1', edge: 'e-am' },
    ],
  };
}
