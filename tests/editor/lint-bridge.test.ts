// The rule checker as the editor runs it: the real worker module (lint-worker.ts) behind the page's
// side of the protocol (lint-bridge.ts), with messages delivered asynchronously as a worker would.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';
import { lintInWorker, loadLint, type LintWorkerLike } from '../../src/editor/lint-bridge';
import { byId, delta, ModelReplica, type LintRequest, type LintResponse } from '../../src/editor/lint-protocol';
import { serializeModel, type Model } from '../../src/model';
import { smallModel } from './fixtures';

/** The worker module, loaded into this thread with a global scope like a worker's. */
async function inProcessWorker(): Promise<LintWorkerLike & { received: LintRequest[] }> {
  const scope = globalThis as unknown as { postMessage: (m: LintResponse) => void; onmessage: ((e: { data: LintRequest }) => void) | null };
  const worker: LintWorkerLike & { received: LintRequest[] } = {
    received: [],
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      worker.received.push(message);
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) }));
    },
    terminate: () => undefined,
  };
  scope.postMessage = (message) => setTimeout(() => worker.onmessage?.({ data: structuredClone(message) }));
  await import('../../src/editor/lint-worker');
  return worker;
}

const ownerless = (model: Model) => lint(model).filter((f) => f.rule === 'activity-owned');

describe('the rule checker in a worker', () => {
  it("keeps the worker's copy of the model equal to the page's through any changes", () => {
    const replica = new ModelReplica();
    const model = smallModel();
    const { nodes, edges, ...meta } = model;
    const send = (from: Model, to: Model) => replica.apply({ meta, nodes: delta(byId(from.nodes), byId(to.nodes)), edges: delta(byId(from.edges), byId(to.edges)) });
    const empty: Model = { ...model, nodes: [], edges: [] };
    expect(send(empty, model)).toEqual(model);
    const renamed: Model = { ...model, nodes: nodes.map((n) => (n.id === 'a-1' ? { ...n, label: 'Weekly meetings' } : n)), edges: edges.filter((e) => e.id !== 'e-as') };
    expect(send(model, renamed)).toEqual(renamed);
    expect(send(renamed, model)).toEqual({ ...model, edges: [...edges.filter((e) => e.id !== 'e-as'), edges.find((e) => e.id === 'e-as')!] });
  });

  it('answers each model with the findings lint() gives, and its lessons and rules, and writes the working copy', async () => {
    const worker = await inProcessWorker();
    const checker = await lintInWorker(worker);
    expect(checker.where).toBe('worker');
    expect(checker.rules.get('activity-owned')?.title).toBeTruthy();
    expect(checker.lessons[1]?.title).toBeTruthy();

    const model = smallModel();
    const first = await checker.lint(model);
    expect(first.findings).toEqual(lint(model));
    expect(first.findings.some((f) => f.rule === 'activity-owned' && f.nodeId === 'a-1')).toBe(true);
    expect(first.ms).toBeGreaterThanOrEqual(0);

    // An edit: the activity gets an owner, and its finding goes.
    const edited: Model = {
      ...model,
      nodes: [...model.nodes, { id: 'sh-1', kind: 'stakeholder', label: 'Site lead', role: 'site-lead' } as Model['nodes'][number]],
      edges: [...model.edges, { id: 'e-own', kind: 'owns', source: 'sh-1', target: 'a-1' } as Model['edges'][number]],
    };
    expect(ownerless(edited)).toEqual([]);
    const [second, again] = await Promise.all([checker.lint(edited), checker.lint(model)]);
    expect(second.findings).toEqual(lint(edited));
    expect(second.findings.some((f) => f.rule === 'activity-owned')).toBe(false);
    expect(again.findings).toEqual(first.findings);
    // The first request carries the whole model, each later one only what changed.
    const sizes = worker.received.map((r) => [r.nodes.set.length, r.nodes.remove.length, r.edges.set.length, r.edges.remove.length]);
    expect(sizes).toEqual([[model.nodes.length, 0, model.edges.length, 0], [1, 0, 1, 0], [0, 1, 0, 1]]);

    // The worker also serialises the working copy, in the page's order: its own copy now holds the
    // edge 'e-as' last (removed, then added again).
    await checker.lint({ ...model, edges: model.edges.filter((e) => e.id !== 'e-as') });
    const details = { savedText: null, fileName: 'plan.toc.json', handle: null, disk: null, time: 1 };
    const saved = await checker.save(model, details);
    expect(saved.text).toBe(serializeModel(model));
    // No IndexedDB in Node: the write fails, and the text still comes back (for the unsaved-changes mark).
    expect(saved.failed).toMatch(/indexedDB/i);
    const renamed: Model = { ...model, nodes: model.nodes.map((n) => (n.id === 'a-1' ? { ...n, label: 'Weekly meetings' } : n)) };
    expect((await checker.save(renamed, details)).text).toBe(serializeModel(renamed));
  });

  it('refuses, and says why, when the worker fails to start', async () => {
    const worker: LintWorkerLike = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const started = lintInWorker(worker);
    worker.onerror!({ message: 'script not found' });
    await expect(started).rejects.toThrow(/worker failed: script not found/);
  });

  it('runs on the main thread where no worker can be started', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const checker = (await loadLint())!;
    expect(checker.where).toBe('main-thread');
    expect((await checker.lint(smallModel())).findings).toEqual(lint(smallModel()));
  });
});
