// The rule checker's findings, grouped by lesson with counts and filterable by severity; a click
// selects the node or link and brings it into view. Each lesson and rule explains itself.
import { memo, useMemo, useState } from 'react';
import type { Finding, Lesson, Severity } from '../../lint/types';
import { BADGE_STYLES, SEVERITY_ORDER } from '../../render/theme';
import { useController, useEditor, useUi } from './context';
import { BadgeIcon } from './NodeView';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const PLURAL: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'advice' };

interface Group {
  key: string;
  lesson: Lesson | null;
  findings: Finding[];
}

function groupByLesson(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const key = finding.lesson === null ? 'none' : String(finding.lesson);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, lesson: finding.lesson, findings: [] }));
    group.findings.push(finding);
  }
  for (const group of groups.values()) group.findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [...groups.values()].sort((a, b) => (a.lesson ?? 99) - (b.lesson ?? 99));
}

function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function FindingsPanel() {
  const controller = useController();
  const findings = useEditor((s) => s.findings);
  const ready = useUi((s) => s.lintReady);
  const filter = useUi((s) => s.severities);
  const open = useMemo(() => findings.filter((f) => !f.suppressed), [findings]);
  const suppressed = useMemo(() => findings.filter((f) => f.suppressed), [findings]);
  const total = counts(open);
  const shown = useMemo(() => groupByLesson(open.filter((f) => filter[f.severity])), [open, filter]);
  const lessons = controller.lintModule?.lessons ?? {};

  return (
    <section className="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading" className="panel-heading">
        Findings <span className="count">({open.length})</span>
      </h2>
      {ready === false && <p className="hint">The rule checker is not available in this build.</p>}
      {ready === undefined && <p className="hint">Loading the rule checker…</p>}
      <div className="findings__filters" role="group" aria-label="Show findings by severity">
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`filter filter--${severity}`}
            aria-pressed={filter[severity]}
            onClick={() => controller.ui.set((s) => ({ severities: { ...s.severities, [severity]: !s.severities[severity] } }))}
          >
            <BadgeIcon severity={severity} size={14} />
            {total[severity]} {total[severity] === 1 && severity !== 'info' ? severity : PLURAL[severity]}
          </button>
        ))}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {ready ? `${total.error} errors, ${total.warning} warnings, ${total.info} advice` : ''}
      </p>
      {ready && open.length === 0 && <p className="hint">No findings: the model meets every rule.</p>}
      {shown.map((group) => (
        <LessonGroup key={group.key} group={group} lesson={group.lesson ? lessons[group.lesson] : undefined} />
      ))}
      {suppressed.length > 0 && (
        <details className="lesson">
          <summary>
            <span className="lesson__title">Suppressed</span> <span className="count">({suppressed.length})</span>
          </summary>
          <ul className="finding-list">
            {keyed(suppressed.slice(0, 200)).map(([key, finding]) => (
              <FindingItem key={key} finding={finding} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A long list is shown in pages: hundreds of findings at once would slow every re-check. */
const PAGE = 25;

const LessonGroup = memo(function LessonGroup({ group, lesson }: { group: Group; lesson: { title: string; summary: string } | undefined }) {
  const [limit, setLimit] = useState(PAGE);
  const c = counts(group.findings);
  const title = group.lesson === null ? 'Structure and approach fit' : `Lesson ${group.lesson}: ${lesson?.title ?? ''}`;
  const summary = group.lesson === null ? 'Checks of the drawing itself, and of whether the approach suits the problem.' : lesson?.summary;
  return (
    <details className="lesson" open>
      <summary>
        <span className="lesson__title">{title}</span>{' '}
        <span className="count">
          ({group.findings.length}
          {SEVERITIES.filter((s) => c[s] > 0).map((s) => `, ${c[s]} ${s}`).join('')})
        </span>
      </summary>
      {summary && <p className="lesson__summary">{summary}</p>}
      <ul className="finding-list">
        {keyed(group.findings.slice(0, limit)).map(([key, finding]) => (
          <FindingItem key={key} finding={finding} />
        ))}
      </ul>
      {group.findings.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit(limit + 100)}>
          Show {Math.min(100, group.findings.length - limit)} more of {group.findings.length - limit} remaining
        </button>
      )}
    </details>
  );
});

/** Stable React keys for findings (the same finding keeps its key across re-checks). */
function keyed(findings: readonly Finding[]): [string, Finding][] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.rule}|${finding.nodeId ?? ''}|${finding.edgeId ?? ''}|${finding.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base}|${n}`, finding];
  });
}

const FindingItem = memo(function FindingItem({ finding }: { finding: Finding }) {
  const controller = useController();
  const rule = controller.lintModule?.rules.get(finding.rule);
  const target = finding.nodeId ?? finding.edgeId;
  const select = () => target && controller.focusElement(target);
  return (
    <li className={`finding finding--${finding.severity}`} data-rule={finding.rule} data-node-id={finding.nodeId} data-edge-id={finding.edgeId}>
      <button type="button" className="finding__main" onClick={select} disabled={!target} aria-label={`${BADGE_STYLES[finding.severity].label}: ${finding.message}${target ? ' (select it)' : ''}`}>
        <BadgeIcon severity={finding.severity} size={14} />
        <span className="finding__message">{finding.message}</span>
      </button>
      <p className="finding__fix">
        <strong>Fix:</strong> {finding.fix}
      </p>
      {finding.suppressed && <p className="finding__suppressed">Suppressed: {finding.suppressed.reason}</p>}
      <details className="finding__why">
        <summary>
          Why? <span className="finding__rule">{finding.rule}</span>
        </summary>
        {rule ? (
          <>
            <p className="finding__rule-title">{rule.title}</p>
            <p>{rule.rationale}</p>
            {rule.fix && <p><strong>In general:</strong> {rule.fix}</p>}
          </>
        ) : (
          <p>No explanation is available for this rule.</p>
        )}
      </details>
    </li>
  );
});
