// The page's side of the layout worker, with a stand-in worker that runs the layout in-process and
// answers with the same messages as worker.ts (the real worker runs in Chromium in the e2e tests).
import { describe, expect, it } from 'vitest';
import { LayoutCancelled, LayoutClient, layoutModel, type LayoutRequest, type LayoutResponse, type WorkerLike } from '../../src/layout';
import { loadExamples } from './helpers';

const { model } = loadExamples()[0]!;

class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: LayoutResponse }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage({ id, model: m, options }: LayoutRequest): void {
    const send = (data: LayoutResponse) => !this.terminated && setTimeout(() => this.onmessage?.({ data }), 0);
    if (this.fail) {
      send({ type: 'error', id, message: 'ELK failed: boom' });
      return;
    }
    void layoutModel(m, { ...options, onProgress: (progress) => send({ type: 'progress', id, progress }) }).then((result) => send({ type: 'result', id, result }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('LayoutClient', () => {
  it('runs a layout in the worker with progress, and keeps the worker warm for the next one', async () => {
    const workers: FakeWorker[] = [];
    const client = new LayoutClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const phases: string[] = [];
    const job = client.layout(model, { direction: 'TB' }, (p) => phases.push(p.phase));
    expect(job.where).toBe('worker');
    const result = await job.promise;
    const direct = await layoutModel(model, { direction: 'TB' });
    expect(result.positions).toEqual(direct.positions);
    expect(result.routes).toEqual(direct.routes);
    expect(phases).toEqual(['prepare', 'engine', 'route', 'done']);
    await client.layout(model).promise;
    expect(workers).toHaveLength(1);
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('cancel terminates the worker at once and rejects with LayoutCancelled; the next job gets a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new LayoutClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const job = client.layout(model);
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(LayoutCancelled);
    expect(workers[0]!.terminated).toBe(true);
    await client.layout(model).promise;
    expect(workers).toHaveLength(2);
  });

  it('reports a failure in the worker as an error and does not reuse that worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new LayoutClient(() => {
      const w = new FakeWorker(workers.length === 0);
      workers.push(w);
      return w;
    });
    await expect(client.layout(model).promise).rejects.toThrow('ELK failed: boom');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('falls back to the main thread when no worker can be created', async () => {
    const client = new LayoutClient(() => {
      throw new Error('workers are blocked here');
    });
    const job = client.layout(model);
    expect(job.where).toBe('main-thread');
    expect((await job.promise).positions).toEqual((await layoutModel(model)).positions);
    const cancelled = new LayoutClient().layout(model);
    cancelled.cancel();
    await expect(cancelled.promise).rejects.toBeInstanceOf(LayoutCancelled);
  });
});
