import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModelBytes, parseModel, validateModelValue, type Model } from '../../src/model';
import { decideConnection, whatKindCanLinkTo } from '../../src/editor/connect';
import { docFromModel } from '../../src/editor/doc';
import { edgeAttributeFields, nodeAttributeFields, humanise } from '../../src/editor/fields';
import { placeUnpositioned } from '../../src/editor/placement';
import { planRepair } from '../../src/editor/repair';
import { smallModel } from './fixtures';

describe('connect', () => {
  const doc = docFromModel(smallModel());

  it('creates the one fitting edge kind', () => {
    expect(decideConnection(doc, 'a-1', 'o-1')).toEqual({ action: 'create', kind: 'leads-to' });
    expect(decideConnection(doc, 'in-1', 'm-1')).toEqual({ action: 'create', kind: 'enables' });
  });

  it('asks when several kinds fit', () => {
    const model = smallModel();
    model.nodes.push({ id: 'sh', kind: 'stakeholder', label: 'Nurses' });
    expect(decideConnection(docFromModel(model), 'sh', 'a-1')).toEqual({ action: 'choose', kinds: ['owns', 'participates-in'] });
  });

  it('refuses with a reason when no kind fits', () => {
    const refusal = decideConnection(doc, 'in-1', 'o-1');
    expect(refusal).toEqual({ action: 'refuse', message: 'An input can only enable an activity or a mechanism.' });
    const reverse = decideConnection(doc, 'o-1', 'a-1');
    expect(reverse.action).toBe('refuse');
    expect(reverse.action === 'refuse' && reverse.message).toMatch(/^An outcome can only lead to an output, a mechanism, an outcome or an impact\./);
    expect(decideConnection(doc, 'a-1', 'a-1')).toMatchObject({ action: 'refuse', message: 'A node cannot be linked to itself.' });
    expect(decideConnection(doc, 'a-1', 'm-1')).toMatchObject({ action: 'refuse', message: '"Monthly meetings" already leads to "Peer norms".' });
    expect(whatKindCanLinkTo('impact')).toMatch(/where links end/);
    expect(whatKindCanLinkTo('activity')).toBe('An activity can only lead to an output, a mechanism, an outcome or an impact, or mitigate a risk.');
  });
});

describe('inspector fields from the schemas', () => {
  it('lists every attribute of a kind with the right control', () => {
    expect(nodeAttributeFields('input')).toEqual([
      { key: 'resource', label: 'Resource', type: 'enum', options: expect.arrayContaining(['funding', 'protected-time']) },
      { key: 'secured', label: 'Secured', type: 'boolean' },
      { key: 'until', label: 'Available until', type: 'date' },
      { key: 'provider', label: 'Provider', type: 'string' },
    ]);
    expect(nodeAttributeFields('stakeholder').find((f) => f.key === 'site')).toMatchObject({ type: 'site' });
    expect(edgeAttributeFields('underpins')).toEqual([{ key: 'edge', label: 'About the link', type: 'edge' }]);
    expect(edgeAttributeFields('feeds-back').map((f) => f.type)).toEqual(['enum', 'string']);
    expect(humanise('qi-collaborative')).toBe('QI collaborative');
    expect(humanise('atRiskOfMarginalisation')).toBe('At risk of marginalisation');
  });
});

describe('first placement', () => {
  it('places nodes without positions in their stage column, satellites next to their neighbours', () => {
    const model: Model = smallModel();
    for (const node of model.nodes) delete node.position;
    const placed = placeUnpositioned(model);
    const at = (id: string) => placed.nodes.find((n) => n.id === id)!.position!;
    expect(at('in-1').x).toBeLessThan(at('a-1').x);
    expect(at('a-1').x).toBeLessThan(at('m-1').x);
    expect(at('m-1').x).toBeLessThan(at('o-1').x);
    expect(at('o-1').x).toBeLessThan(at('i-1').x);
    expect(at('as-1').x).toBe(at('m-1').x + (210 - 170) / 2); // the mechanism's column, centred
    expect(at('as-1').y).toBeGreaterThan(at('m-1').y);
    expect(validateModelValue(placed).ok).toBe(true);
  });

  it('leaves a fully positioned model alone and keeps existing positions', () => {
    const model = smallModel();
    expect(placeUnpositioned(model)).toBe(model);
    delete model.nodes[1]!.position;
    const placed = placeUnpositioned(model);
    expect(placed.nodes[0]!.position).toEqual({ x: 0, y: 40 });
    expect(placed.nodes[1]!.position).toEqual({ x: 300 + (260 - 200) / 2, y: 0 }); // column 1 was empty
  });
});

describe('repair of an invalid file', () => {
  it('lists exactly what it removes and yields a valid model', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      title: 'Broken',
      colour: 'blue',
      nodes: [
        { id: 'a', kind: 'activity', label: 'Train', strategy: 'gentle' },
        { id: 'b', kind: 'widget', label: 'What' },
        { id: 'c', kind: 'outcome', label: 'Better', position: { x: 'left', y: 2 } },
      ],
      edges: [
        { id: 'e1', kind: 'leads-to', source: 'a', target: 'c' },
        { id: 'e2', kind: 'leads-to', source: 'a', target: 'b' },
        { id: 'e3', kind: 'leads-to', source: 'a', target: 'nowhere' },
      ],
    });
    expect(parseModel(text).ok).toBe(false);
    const plan = planRepair(text);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.actions.map((a) => a.path).sort()).toEqual(
      ['colour', 'edges[1]', 'edges[2]', 'nodes[0].strategy', 'nodes[1]', 'nodes[2].position'].sort(),
    );
    expect(plan.actions.find((a) => a.path === 'nodes[1]')!.description).toBe('remove the node "What" (kind "widget", id "b")');
    expect(plan.model.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(plan.model.edges.map((e) => e.id)).toEqual(['e1']);
    expect(validateModelValue(plan.model).ok).toBe(true);
  });

  it('fills in what a model cannot do without, and says so', () => {
    const plan = planRepair('{"nodes": [], "edges": []}');
    expect(plan.ok && plan.actions.map((a) => a.description)).toEqual(['set schemaVersion to 1', 'set the title to "Untitled theory of change"']);
  });

  it('refuses what it cannot repair', () => {
    expect(planRepair('{ "title": ').ok).toBe(false);
    expect(planRepair('[]').ok).toBe(false);
    expect(planRepair('{"schemaVersion": 9, "title": "x", "nodes": [], "edges": []}').ok).toBe(false);
  });

  it('repairs every invalid fixture that is JSON, into a valid model', () => {
    const dir = path.join(import.meta.dirname, '../fixtures/invalid');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.toc.json'))) {
      const decoded = decodeModelBytes(readFileSync(path.join(dir, file)));
      if (!decoded.ok) continue; // byte-level problems: not a matter of removing parts
      const text = decoded.text;
      const plan = planRepair(text);
      if (!plan.ok) continue;
      expect(plan.actions.length, file).toBeGreaterThan(0);
      expect(validateModelValue(plan.model).ok, file).toBe(true);
    }
  });
});
