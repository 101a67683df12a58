// `toc lint` on many files: a pool of worker threads, each reading, parsing and linting one file at
// a time (lint-worker.ts). The worker is a second bundle beside dist/toc.mjs holding only loading
// and the rules (about 1.3 MB of 5.5 MB), so a worker starts in about half the time.
import { Worker } from 'node:worker_threads';
import type { TextPosition } from '../model';
import type { FileResult } from '../lint/formatters';
import { UsageError } from './command';
import { checkerFailed, fatalResult, type LintSettings } from './lint-files';

export type WorkerRequest = { index: number; file: string };
export type WorkerReply = { ready: true } | { index: number; result: string } | { index: number; usageError: string };

// Results travel as JSON text: on the main thread, which every result passes through, JSON.parse
// is several times cheaper than the structured-clone reader for these many small objects.
export const encodeResult = (result: FileResult) => JSON.stringify({ ...result, locations: [...result.locations] });

function decodeResult(text: string): FileResult {
  const result = JSON.parse(text) as Omit<FileResult, 'locations'> & { locations: [string, TextPosition][] };
  return { ...result, locations: new Map(result.locations) };
}

const WORKER_URL = new URL('./toc-lint-worker.mjs', import.meta.url);

const OUT_OF_MEMORY =
  'cannot lint: the checker ran out of memory on this file; give Node more (NODE_OPTIONS=--max-old-space-size=8192) or split the model (the other files were linted)';

// Files sent ahead to each worker, so it never waits for the main thread between files; a worker
// lints them in order, so the first one unanswered is the one it was on.
const IN_FLIGHT = 2;

/**
 * Lints `files` in `jobs` workers; results come back in the order of `files`. A worker that dies
 * on a file is replaced, and that file reported; a broken toc.config.json is thrown as the first
 * one in file order, as a serial run would.
 */
export function lintInWorkers(files: readonly string[], settings: LintSettings, jobs: number): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult[] = new Array(files.length);
    const usageErrors = new Map<number, string>();
    const running = new Set<Worker>();
    const resend: number[] = [];
    let next = 0;
    let failed = false;
    const take = () => (resend.length > 0 ? resend.shift() : next < files.length ? next++ : undefined);

    const settle = () => {
      if (running.size > 0 || failed) return;
      const first = Math.min(...usageErrors.keys());
      if (Number.isFinite(first)) reject(new UsageError(usageErrors.get(first)!));
      else resolve(results);
    };

    const start = () => {
      const worker = new Worker(WORKER_URL, { workerData: settings });
      running.add(worker);
      let ready = false;
      const sent: number[] = [];
      const feed = () => {
        while (sent.length < IN_FLIGHT && !failed) {
          const index = take();
          if (index === undefined) break;
          sent.push(index);
          worker.postMessage({ index, file: files[index]! } satisfies WorkerRequest);
        }
        if (sent.length === 0 || failed) {
          running.delete(worker);
          void worker.terminate();
          settle();
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          ready = true;
          return;
        }
        sent.shift();
        if ('result' in reply) results[reply.index] = decodeResult(reply.result);
        else usageErrors.set(reply.index, reply.usageError);
        feed();
      });
      const died = (reason: string, outOfMemory = false) => {
        if (!running.delete(worker)) return;
        if (!ready) {
          // Not a file's fault: the worker could not load at all.
          failed = true;
          for (const other of running) void other.terminate();
          reject(new Error(`cannot start a lint worker: ${reason}`));
          return;
        }
        const culprit = sent.shift();
        if (culprit !== undefined) results[culprit] = fatalResult(files[culprit]!, [outOfMemory ? OUT_OF_MEMORY : checkerFailed(reason)]);
        resend.push(...sent);
        if (!failed && (resend.length > 0 || next < files.length)) start();
        else settle();
      };
      worker.on('error', (error: NodeJS.ErrnoException) => died(error.message, error.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => died(`the worker stopped with exit code ${code}`));
      feed();
    };

    for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  });
}
