// The rule checker's Web Worker: checking a large model takes longer than a frame, so it runs here
// and typing or drawing never waits for it. It first posts the lessons and rules (the findings
// panel's explanations), then answers each change to the model (what changed since the last one) with its findings.
// It also serialises and writes the autosaved working copy when the page asks (the page decides
// when, and only the tab holding the working copy's lock asks): 1 MB of text at 2,000 nodes.
// Create it with: new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' })
import { LESSONS, lint, RULES } from '../lint';
import { saveWorkingCopy } from './autosave';
import { ModelReplica, type LintRequest, type LintResponse } from './lint-protocol';

interface WorkerScope {
  onmessage: ((event: { data: LintRequest }) => void) | null;
  postMessage(message: LintResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

const replica = new ModelReplica();

scope.onmessage = ({ data: request }) => {
  const { id } = request;
  try {
    if (request.task === 'save') {
      void saveWorkingCopy(replica.apply(request, request.order), request.copy).then((saved) => scope.postMessage({ type: 'saved', id, ...saved }));
      return;
    }
    const start = performance.now();
    const findings = lint(replica.apply(request));
    scope.postMessage({ type: 'result', id, findings, ms: performance.now() - start });
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
scope.postMessage({ type: 'ready', lessons: LESSONS, rules: RULES.map((rule) => rule.meta) });
