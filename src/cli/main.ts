#!/usr/bin/env node
// The `toc` command. Every failure ends in a message and an exit code, never a stack trace.
import { EXIT } from './command';
import { run } from './run';

// A reader that stops early (`toc lint … | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT.usage;
  },
);
