// Random sequences of editor commands on the store, checked against a shadow history: after every
// command, undo and redo the model is exactly the one expected (and still a valid file); undoing
// everything gives back exactly the starting model and redoing everything exactly the final one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEdge,
  addMetaItem,
  addNode,
  changeEdgeKind,
  changeNodeKind,
  copyFragment,
  deleteElements,
  duplicateSelection,
  fragmentFromText,
  fragmentToText,
  moveNodes,
  pasteFragment,
  removeMetaItem,
  renameSite,
  setMetaValue,
  updateEdge,
  updateMeta,
  updateNode,
} from '../../src/editor/commands';
import { modelFromDoc, selectionOf, type Doc } from '../../src/editor/doc';
import { EditorStore, type Command } from '../../src/editor/store';
import { serializeModel, validateModelValue, type Model } from '../../src/model';
import * as V from '../../src/model/vocabulary';
import { arbitraryModel } from '../helpers/arbitraries';

const COALESCE_MS = 2_000;

/** The document as its file: the canonical text is what "exactly the same model" means. */
const fileOf = (store: EditorStore) => serializeModel(modelFromDoc(store.getState().doc));

const text = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('<b>bold</b>', 'تحسين', '🏥 ward', 'a\u200bb'));
const xy = fc.record({ x: fc.integer({ min: -5_000, max: 5_000 }), y: fc.integer({ min: -5_000, max: 5_000 }) });
/** Picks among whatever exists when the step runs (ids depend on the steps before it). */
const pickIndex = fc.nat(1_000);
const some = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);
const subset = <T>(items: readonly T[], mask: number): T[] => items.filter((_, i) => (mask >> i % 30) & 1);

type Step =
  | { op: 'command'; build: (doc: Doc) => Command | undefined; name: string }
  | { op: 'undo' | 'redo' | 'blur' }
  | { op: 'wait'; ms: number };

const command = (name: string, build: (doc: Doc) => Command | undefined): Step => ({ op: 'command', build, name });
const nodesOf = (doc: Doc) => [...doc.nodes.keys()];
const edgesOf = (doc: Doc) => [...doc.edges.keys()];
const sitesOf = (doc: Doc) => doc.meta.community?.sites ?? [];

/** Every kind of change the editor makes, with the arguments the UI could give it. */
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(fc.constantFrom(...V.NODE_KINDS), xy).map(([kind, at]) => command(`add ${kind}`, (doc) => addNode(doc, kind, at))),
  fc.tuple(pickIndex, text, fc.boolean()).map(([i, label, typing]) =>
    command('edit label', (doc) => {
      const id = some(nodesOf(doc), i);
      return id === undefined ? undefined : updateNode(id, { label }, typing ? `node:${id}:label` : undefined);
    }),
  ),
  fc.tuple(pickIndex, fc.option(text, { nil: undefined })).map(([i, description]) =>
    command('edit description', (doc) => {
      const id = some(nodesOf(doc), i);
      return id === undefined ? undefined : updateNode(id, { description, tags: description === undefined ? undefined : [description] });
    }),
  ),
  fc.tuple(pickIndex, fc.constantFrom(...V.NODE_KINDS)).map(([i, kind]) =>
    command('change kind', (doc) => {
      const id = some(nodesOf(doc), i);
      return id === undefined ? undefined : changeNodeKind(doc, id, kind);
    }),
  ),
  fc.tuple(fc.nat(), xy, fc.boolean()).map(([mask, to, nudge]) =>
    command('move', (doc) => moveNodes(new Map(subset(nodesOf(doc), mask).map((id) => [id, to])), nudge ? 'nudge' : undefined)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([nodeMask, edgeMask]) =>
    command('delete', (doc) => deleteElements(doc, selectionOf(subset(nodesOf(doc), nodeMask), subset(edgesOf(doc), edgeMask)))),
  ),
  fc.tuple(fc.constantFrom(...V.EDGE_KINDS), pickIndex, pickIndex).map(([kind, s, t]) =>
    command(`connect ${kind}`, (doc) => {
      const [source, target] = [some(nodesOf(doc), s), some(nodesOf(doc), t)];
      return source === undefined || target === undefined ? undefined : addEdge(doc, kind, source, target);
    }),
  ),
  fc.tuple(pickIndex, fc.option(text, { nil: undefined })).map(([i, rationale]) =>
    command('edit rationale', (doc) => {
      const id = some(edgesOf(doc), i);
      return id === undefined ? undefined : updateEdge(id, { rationale }, `edge:${id}:rationale`);
    }),
  ),
  fc.tuple(pickIndex, fc.constantFrom(...V.EDGE_KINDS)).map(([i, kind]) =>
    command('change link kind', (doc) => {
      const id = some(edgesOf(doc), i);
      return id === undefined ? undefined : changeEdgeKind(doc, id, kind);
    }),
  ),
  fc.tuple(fc.nat(), xy).map(([mask, at]) =>
    command('copy and paste', (doc) => {
      const fragment = fragmentFromText(fragmentToText(copyFragment(doc, selectionOf(subset(nodesOf(doc), mask)))));
      return fragment && pasteFragment(doc, fragment, { at });
    }),
  ),
  fc.nat().map((mask) => command('duplicate', (doc) => duplicateSelection(doc, selectionOf(subset(nodesOf(doc), mask))))),
  text.map((title) => command('edit title', () => updateMeta({ title }, 'meta:title'))),
  fc.option(fc.constantFrom(...V.APPROACHES), { nil: undefined }).map((approach) =>
    command('set approach', () => setMetaValue(['community', 'approach'], approach)),
  ),
  fc.tuple(fc.nat(99), text).map(([n, name]) => command('add site', () => addMetaItem(['community', 'sites'], { id: `site-${n}`, name }))),
  fc.tuple(pickIndex, fc.constantFrom(...V.READINESS)).map(([i, readiness]) =>
    command('site readiness', (doc) => {
      const sites = sitesOf(doc);
      return sites.length === 0 ? undefined : setMetaValue(['community', 'sites', i % sites.length, 'readiness'], readiness);
    }),
  ),
  fc.tuple(pickIndex, fc.nat(99)).map(([i, n]) =>
    command('rename site', (doc) => {
      const sites = sitesOf(doc);
      return sites.length === 0 ? undefined : renameSite(i % sites.length, `renamed-${n}`);
    }),
  ),
  pickIndex.map((i) =>
    command('remove site', (doc) => {
      const sites = sitesOf(doc);
      return sites.length === 0 ? undefined : removeMetaItem(['community', 'sites'], i % sites.length);
    }),
  ),
  fc.constantFrom<Step>({ op: 'undo' }, { op: 'redo' }, { op: 'blur' }),
  fc.integer({ min: 0, max: 2 * COALESCE_MS }).map((ms): Step => ({ op: 'wait', ms })),
);

function expectValid(store: EditorStore, after: string) {
  const result = validateModelValue(JSON.parse(fileOf(store)));
  expect(result.ok ? [] : result.problems, `invalid after ${after}`).toEqual([]);
}

describe('store: random command sequences', () => {
  it('undoing a deletion puts nodes and edges back where they were in the file (found by the property below)', () => {
    const model: Model = {
      schemaVersion: 1,
      title: 'Order',
      nodes: ['a', 'b', 'c'].map((id) => ({ id, kind: 'outcome', label: id.toUpperCase() })),
      edges: [
        { id: 'e1', kind: 'leads-to', source: 'a', target: 'b' },
        { id: 'e2', kind: 'leads-to', source: 'b', target: 'c' },
      ],
    };
    const store = new EditorStore(structuredClone(model));
    store.dispatch(deleteElements(store.getState().doc, selectionOf(['a'], ['e2'])));
    expect(modelFromDoc(store.getState().doc).nodes.map((n) => n.id)).toEqual(['b', 'c']);
    store.undo();
    expect(modelFromDoc(store.getState().doc)).toEqual(model);
    expect(store.dispatch(deleteElements(store.getState().doc, selectionOf(['zz'])))).toBe(false);
  });

  it('undo and redo follow the history exactly; undo all gives the start, redo all the end', () => {
    fc.assert(
      fc.property(arbitraryModel(8), fc.array(step, { minLength: 1, maxLength: 40 }), (model: Model, steps) => {
        let time = 0;
        const store = new EditorStore(structuredClone(model), { now: () => time, coalesceMs: COALESCE_MS });
        const start = fileOf(store);
        // The shadow history: files after each undo step, and which of them is current.
        const history = [start];
        let at = 0;
        // What the store needs to merge a change into the step before it: same key, no seal, soon enough.
        let open: { key: string; time: number } | undefined;

        for (const s of steps) {
          switch (s.op) {
            case 'wait':
              time += s.ms;
              break;
            case 'blur':
              store.endCoalescing();
              open = undefined;
              break;
            case 'undo':
            case 'redo': {
              const moved = s.op === 'undo' ? store.undo() : store.redo();
              expect(moved).toBe(s.op === 'undo' ? at > 0 : at < history.length - 1);
              if (moved) at += s.op === 'undo' ? -1 : 1;
              open = undefined;
              expect(fileOf(store), s.op).toBe(history[at]);
              break;
            }
            case 'command': {
              const change = s.build(store.getState().doc);
              if (!change) break;
              const before = fileOf(store);
              const changed = store.dispatch(change);
              const after = fileOf(store);
              expect(changed, s.name).toBe(after !== before);
              if (!changed) break;
              expectValid(store, s.name);
              const merges = open !== undefined && open.key === change.coalesce && time - open.time <= COALESCE_MS;
              if (merges) history[at] = after;
              else history.splice(++at, history.length, after);
              open = change.coalesce === undefined ? undefined : { key: change.coalesce, time };
            }
          }
          expect(store.getState().canUndo).toBe(at > 0);
          expect(store.getState().canRedo).toBe(at < history.length - 1);
        }

        const end = fileOf(store);
        while (store.undo());
        expect(fileOf(store)).toBe(start);
        expect(modelFromDoc(store.getState().doc)).toEqual(model);
        while (store.redo());
        expect(fileOf(store)).toBe(history[history.length - 1]);
        if (at === history.length - 1) expect(fileOf(store)).toBe(end);
      }),
      { numRuns: 150, seed: 2026 },
    );
  });
});
