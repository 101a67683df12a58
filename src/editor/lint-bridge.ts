// The rule checker, as the editor uses it: lint(model) plus the explanations of lessons and rules.
// It runs in a Web Worker (lint-worker.ts): at 2,000 nodes a check takes longer than a frame, and
// on the main thread it would stall typing. Where no worker can be started, the checker is loaded
// as its own chunk and runs on the main thread. No DOM types here, so Node tests can drive it.
import type { Model, TocEdge, TocNode } from '../model';
import { saveWorkingCopy, type CopyDetails, type SavedCopy } from './autosave';
import { byId, delta, type Lessons, type LintRequest, type LintResponse, type LintResult, type ModelChange } from './lint-protocol';
import type { RuleMeta } from '../lint/types';

export interface LintModule {
  lint(model: Model): Promise<LintResult>;
  /** Serialises `model` and writes it as the working copy; resolves with the text even when the write failed. */
  save(model: Model, copy: CopyDetails): Promise<SavedCopy>;
  lessons: Lessons;
  rules: ReadonlyMap<string, RuleMeta>;
  where: 'worker' | 'main-thread';
}

export interface LintWorkerLike {
  postMessage(message: LintRequest): void;
  terminate(): void;
  onmessage: ((event: { data: LintResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const rulesById = (rules: readonly RuleMeta[]) => new Map(rules.map((rule) => [rule.id, rule]));

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Answer = Exclude<LintResponse, { type: 'ready' | 'error' }>;

/** The checker behind a started worker: resolves once the worker has posted its lessons and rules. */
export function lintInWorker(worker: LintWorkerLike): Promise<LintModule> {
  const pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let sent = { nodes: new Map<string, TocNode>(), edges: new Map<string, TocEdge>() };
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    const ask = (model: Model, task: DistributiveOmit<LintRequest, 'id' | keyof ModelChange>): Promise<Answer> => {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      const { nodes, edges, ...meta } = model;
      const next = { nodes: byId(nodes), edges: byId(edges) };
      worker.postMessage({ id, meta, nodes: delta(sent.nodes, next.nodes), edges: delta(sent.edges, next.edges), ...task });
      sent = next;
      return new Promise((done, fail) => pending.set(id, { resolve: done, reject: fail }));
    };
    worker.onerror = (event) => {
      failed = new Error(`the rule checker's worker failed: ${(event as { message?: string })?.message ?? String(event)}`);
      worker.terminate();
      for (const job of pending.values()) job.reject(failed);
      pending.clear();
      reject(failed);
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        resolve({
          lessons: data.lessons,
          rules: rulesById(data.rules),
          where: 'worker',
          lint: (model) => ask(model, { task: 'lint' }).then((answer) => answer as LintResult),
          save: (model, copy) => {
            const order = { nodes: model.nodes.map((node) => node.id), edges: model.edges.map((edge) => edge.id) };
            return ask(model, { task: 'save', order, copy }).then((answer) => answer as SavedCopy);
          },
        });
        return;
      }
      const job = pending.get(data.id);
      pending.delete(data.id);
      if (data.type === 'error') job?.reject(new Error(data.message));
      else job?.resolve(data);
    };
  });
}

function onMainThread(): Promise<LintModule> {
  return import('../lint').then((mod) => ({
    lessons: mod.LESSONS,
    rules: rulesById(mod.RULES.map((rule) => rule.meta)),
    where: 'main-thread',
    lint: async (model) => {
      const start = performance.now();
      const findings = mod.lint(model);
      return { findings, ms: performance.now() - start };
    },
    save: saveWorkingCopy,
  }));
}

let loading: Promise<LintModule | undefined> | undefined;

function inWorker(): Promise<LintModule> {
  try {
    return lintInWorker(new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' }) as unknown as LintWorkerLike);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

export function loadLint(): Promise<LintModule | undefined> {
  loading ??= inWorker()
    .catch((error: unknown) => {
      console.warn(`the rule checker runs on the main thread: ${(error as Error).message}`);
      return onMainThread();
    })
    .catch((error: unknown) => {
      console.error('the rule checker could not be loaded', error);
      return undefined;
    });
  return loading;
}
