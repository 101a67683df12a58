// The layout worker's entry (worker.ts) in a stand-in worker scope: a warm worker must answer every
// request, not only its first. elk.bundled.js, started inside a worker, takes self.onmessage for
// its own dispatcher, which left every later Tidy layout at "Starting the layout…".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutRequest, LayoutResponse } from '../../src/layout';
import { loadExamples } from './helpers';

type Listener = (event: { data: LayoutRequest }) => void;
const scope = globalThis as unknown as {
  self?: unknown;
  onmessage?: Listener | null;
  addEventListener?: (type: string, listener: Listener) => void;
  postMessage?: (message: LayoutResponse) => void;
};
const listeners: Listener[] = [];
const answers: LayoutResponse[] = [];

/** As a browser delivers a message to a worker: to self.onmessage and to every listener. */
function deliver(data: LayoutRequest) {
  scope.onmessage?.({ data });
  for (const listener of listeners) listener({ data });
}

async function answer(id: number): Promise<LayoutResponse> {
  await expect.poll(() => answers.find((a) => a.id === id && a.type !== 'progress'), { timeout: 20_000 }).toBeDefined();
  return answers.find((a) => a.id === id && a.type !== 'progress')!;
}

beforeAll(async () => {
  scope.self = globalThis;
  scope.addEventListener = (type, listener) => type === 'message' && listeners.push(listener);
  scope.postMessage = (message) => answers.push(message);
  await import('../../src/layout/worker');
});

afterAll(() => {
  delete scope.self;
  delete scope.onmessage;
  delete scope.addEventListener;
  delete scope.postMessage;
});

describe('the layout worker', () => {
  it('answers every request of a warm worker, with progress, for different models one after another', async () => {
    const [first, second] = loadExamples();
    deliver({ type: 'layout', id: 1, model: first!.model, options: {} });
    expect((await answer(1)).type).toBe('result');
    deliver({ type: 'layout', id: 2, model: second!.model, options: { direction: 'TB' } });
    const result = await answer(2);
    expect(result.type).toBe('result');
    expect(result.type === 'result' && Object.keys(result.result.positions).length).toBe(second!.model.nodes.length);
    expect(answers.some((a) => a.id === 2 && a.type === 'progress')).toBe(true);
  });
});
