// Re-linting after every change mostly returns the findings it returned before: keep the old
// objects (and the old array) where nothing changed, so the panel and the badges re-render only
// what did.
import type { Finding } from '../lint/types';

const keyOf = (f: Finding) => `${f.rule}\u0000${f.nodeId ?? ''}\u0000${f.edgeId ?? ''}\u0000${f.message}`;

function same(a: Finding, b: Finding): boolean {
  return (
    a.rule === b.rule &&
    a.lesson === b.lesson &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.fix === b.fix &&
    a.nodeId === b.nodeId &&
    a.edgeId === b.edgeId &&
    a.suppressed?.reason === b.suppressed?.reason
  );
}

export function reconcileFindings(previous: readonly Finding[], next: readonly Finding[]): readonly Finding[] {
  const old = new Map<string, Finding>();
  for (const finding of previous) old.set(keyOf(finding), finding);
  let changed = previous.length !== next.length;
  const out = next.map((finding, i) => {
    const match = old.get(keyOf(finding));
    const kept = match && same(match, finding) ? match : finding;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? out : previous;
}
