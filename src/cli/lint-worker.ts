// Entry of `toc lint`'s worker threads (bundled to dist/toc-lint-worker.mjs; see lint-pool.ts):
// lints each file it is sent and replies with plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './command';
import { ConfigFinder } from './config';
import { lintFile, type LintSettings } from './lint-files';
import { encodeResult, type WorkerReply, type WorkerRequest } from './lint-pool';

const port = parentPort!;
const settings = workerData as LintSettings;
const configs = settings.useConfig ? new ConfigFinder() : undefined;
const reply = (message: WorkerReply) => port.postMessage(message);

// One file at a time, in the order sent: the pool blames a crash on the oldest file unanswered.
let queue = Promise.resolve();
port.on('message', ({ index, file }: WorkerRequest) => {
  queue = queue.then(() =>
    lintFile(file, settings, configs).then(
      (result) => reply({ index, result: encodeResult(result) }),
      (error: unknown) => {
        // lintFile throws only a broken toc.config.json; anything else is a crash the pool reports.
        if (!(error instanceof UsageError)) throw error;
        reply({ index, usageError: error.message });
      },
    ),
  );
});
reply({ ready: true });
