import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { serializeModel, type Model } from '../../model';
import { applyLayout, layoutModel, type Direction, type EngineRunner, type LayoutResult, type SpacingPreset } from '../../layout';
import { EXIT, parseCommandArgs, UsageError, writeErr, writeOut, type Command } from '../command';
import { loadModelFile, writeFileAtomic } from '../files';
import { formatProblem } from './validate';

export const DEFAULT_TIMEOUT_SECONDS = 60;

/** ELK did not answer within the time limit; its thread has been stopped. */
export class LayoutTimeout extends Error {}

// Runs in a worker thread: only ELK itself, on a graph prepared by the pure layout code, so the
// thread can be terminated (a Promise cannot be cancelled; a thread can). ELK loads and warms up
// while the main thread is still reading and preparing the model.
const ELK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elkPath);
const elk = new ELK();
const tiny = { id: 'w', children: [{ id: 'a', width: 1, height: 1 }, { id: 'b', width: 1, height: 1 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] };
const warm = elk.layout(tiny).catch(() => undefined);
parentPort.on('message', (graph) => {
  warm.then(() => elk.layout(graph)).then(
    (result) => parentPort.postMessage({ ok: true, graph: result }),
    (error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }),
  );
});
`;

export interface ElkThread {
  /** Runs ELK in the thread; rejects with LayoutTimeout (and stops the thread) past `timeoutMs`. */
  run: EngineRunner;
  /** Stops the thread; safe to call more than once. */
  stop(): void;
  /** Whether the time limit stopped it. */
  readonly timedOut: boolean;
}

/** Starts a worker thread with elk.bundled.js loaded, ready for one layout. */
export function startElkThread(timeoutMs: number): ElkThread {
  const elkPath = createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js');
  const worker = new Worker(ELK_THREAD, { eval: true, workerData: { elkPath } });
  let stopped = false;
  let timedOut = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void worker.terminate();
  };
  const run: EngineRunner = (graph) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
        reject(new LayoutTimeout(`the layout engine did not finish within ${timeoutMs / 1000} s and was stopped`));
      }, timeoutMs);
      worker.once('message', (message: { ok: true; graph: typeof graph } | { ok: false; message: string }) => {
        clearTimeout(timer);
        stop();
        if (message.ok) resolve(message.graph);
        else reject(new Error(`ELK failed: ${message.message}`));
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        stop();
        reject(error);
      });
      worker.postMessage(graph);
    });
  return {
    run,
    stop,
    get timedOut() {
      return timedOut;
    },
  };
}

/** An engine runner that starts a thread for each layout (the bench uses this). */
export function elkThreadRunner(timeoutMs: number): EngineRunner {
  return (graph) => {
    const thread = startElkThread(timeoutMs);
    return thread.run(graph).finally(() => thread.stop());
  };
}

const DIRECTIONS = ['LR', 'TB'] as const;
const SPACINGS = ['compact', 'normal', 'roomy'] as const;

export const layoutCommand: Command = {
  name: 'layout',
  summary: 'arrange a model in stage columns (auto-layout); print it or --write it back',
  usage: 'toc layout FILE [--write] [--direction LR|TB] [--spacing compact|normal|roomy] [--timeout SECONDS]',
  help: `Arranges the nodes in stage columns (inputs, activities, mechanisms, outputs, short-, medium- and
long-term outcomes, impact), with measures, assumptions, context and risks beside the node they belong
to and stakeholders in a column of their own. Pinned nodes stay where they are. Only node positions
change; everything else in the file stays as it is (in canonical form). Without --write the laid-out
model is printed on standard output.

Options:
  --write              replace FILE with the laid-out model (atomically)
  --direction LR|TB    reading direction: left to right (default) or top to bottom
  --spacing PRESET     compact, normal (default) or roomy
  --timeout SECONDS    time limit for the layout engine (default ${DEFAULT_TIMEOUT_SECONDS}); past it the fast
                       layout is used instead (same columns, more crossings) and a note is printed

Exit status: 0 laid out, 1 the file is invalid, 2 usage error or unreadable file.`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, {
      write: { type: 'boolean' },
      direction: { type: 'string' },
      spacing: { type: 'string' },
      timeout: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one model file');
    const direction = (values.direction ?? 'LR').toUpperCase();
    if (!DIRECTIONS.includes(direction as Direction)) throw new UsageError(`--direction must be LR or TB, not '${values.direction}'`);
    const spacing = values.spacing ?? 'normal';
    if (!SPACINGS.includes(spacing as SpacingPreset)) throw new UsageError(`--spacing must be compact, normal or roomy, not '${spacing}'`);
    const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not '${values.timeout}'`);

    const file = positionals[0]!;
    const thread = startElkThread(timeout * 1000);
    let result: LayoutResult;
    let model: Model;
    let original: string;
    try {
      const loaded = await loadModelFile(file);
      if ('unreadable' in loaded) {
        writeErr(`${file}: cannot read: ${loaded.unreadable}`);
        return EXIT.usage;
      }
      if (!loaded.ok) {
        for (const problem of loaded.problems) writeOut(formatProblem(file, problem));
        return EXIT.findings;
      }
      model = loaded.model;
      original = loaded.text;
      result = await layoutModel(model, { direction: direction as Direction, spacing: spacing as SpacingPreset, runEngine: thread.run });
      if (result.stats.fallback !== undefined) {
        writeErr(
          `${file}: ${result.stats.fallback}; used the fast layout instead (same stage columns, more crossings).` +
            (thread.timedOut ? ' Allow longer with --timeout SECONDS.' : ''),
        );
      }
    } finally {
      thread.stop();
    }
    const text = serializeModel(applyLayout(model, result));
    if (!values.write) {
      process.stdout.write(text);
      return EXIT.ok;
    }
    if (text !== original) await writeFileAtomic(file, text, { overwrite: true });
    const pinned = model.nodes.filter((n) => n.pinned === true && n.position).length;
    writeOut(
      `${file}: laid out ${model.nodes.length} nodes${pinned > 0 ? ` (${pinned} pinned kept in place)` : ''} ` +
        `in ${(result.stats.totalMs / 1000).toFixed(1)} s`,
    );
    return EXIT.ok;
  },
};
