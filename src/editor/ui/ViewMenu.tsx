// The reading toolbar: highlight a pathway, the causal spine only, filters by kind and by finding,
// collapse the selection into a named group, clear. Every control changes view state only.
import { useId, useState, type KeyboardEvent } from 'react';
import type { Lesson, Severity } from '../../lint/types';
import { NODE_KINDS, type NodeKind } from '../../model';
import { NODE_STYLES } from '../../render/theme';
import { clearReading, collapseSelection, isReadingActive, setReading, togglePathway, type FindingFilter } from '../reading';
import { useController, useEditor, useUi } from './context';
import { SelectField } from './Fields';

const LESSON_NUMBERS: Lesson[] = [1, 2, 3, 4, 5, 6, 7, 8];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ViewMenu() {
  const controller = useController();
  const reading = useUi((s) => s.reading);
  const selectedNodes = useEditor((s) => s.selection.nodes.size);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const filtering = reading.kinds !== null || reading.findings !== null;
  return (
    <div className="reading-toolbar" role="toolbar" aria-label="Reading view">
      <button
        type="button"
        aria-pressed={reading.focus !== null}
        disabled={selectedNodes === 0 && reading.focus === null}
        title="Emphasise everything upstream and downstream of the selected nodes (H)"
        onClick={() => (selectedNodes > 0 ? togglePathway(controller) : setReading(controller, { focus: null }))}
      >
        Highlight pathway
      </button>
      <button
        type="button"
        aria-pressed={reading.spineOnly}
        title="Only inputs, activities, mechanisms, outputs, outcomes and impacts, joined by enables and leads to (Shift+S)"
        onClick={() => setReading(controller, { spineOnly: !reading.spineOnly })}
      >
        Causal spine only
      </button>
      <button type="button" aria-expanded={filtersOpen} aria-controls={filtersId} data-active={filtering} onClick={() => setFiltersOpen(!filtersOpen)}>
        Filter{filtering ? ' (on)' : ''}
      </button>
      <button
        type="button"
        disabled={selectedNodes < 2}
        title="Draw the selected nodes as one, with their links merged (Ctrl+G)"
        onClick={() => setReading(controller, { naming: true })}
      >
        Collapse…
      </button>
      <button type="button" disabled={!isReadingActive(reading)} onClick={() => clearReading(controller)}>
        Clear view
      </button>
      {filtersOpen && <Filters id={filtersId} onClose={() => setFiltersOpen(false)} />}
      {reading.naming && <GroupNameForm />}
    </div>
  );
}

const closeOnEscape = (close: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  close();
};

function Filters({ id, onClose }: { id: string; onClose: () => void }) {
  const controller = useController();
  const reading = useUi((s) => s.reading);
  const lessons = controller.lintModule?.lessons ?? {};
  const kinds = reading.kinds ?? new Set(NODE_KINDS);
  const toggleKind = (kind: NodeKind, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setReading(controller, { kinds: next.size === NODE_KINDS.length ? null : next });
  };
  const findings = reading.findings;
  const setFindings = (change: Partial<FindingFilter> | null) =>
    setReading(controller, { findings: change ? { lesson: 'any', severity: 'any', ...findings, ...change } : null });
  const lessonValue = findings === null ? undefined : findings.lesson === null ? 'none' : String(findings.lesson);
  return (
    <div className="reading-filters" id={id} role="group" aria-label="Filter the view" onKeyDown={closeOnEscape(onClose)}>
      <fieldset>
        <legend>Kinds shown</legend>
        {NODE_KINDS.map((kind) => (
          <label key={kind} className="reading-filters__kind">
            <input type="checkbox" checked={kinds.has(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
            {capitalised(NODE_STYLES[kind].plural)}
          </label>
        ))}
        <button type="button" className="link-button" disabled={reading.kinds === null} onClick={() => setReading(controller, { kinds: null })}>
          Show every kind
        </button>
      </fieldset>
      <SelectField
        label="Only nodes and links with findings of"
        value={lessonValue}
        emptyLabel="— no finding filter —"
        options={[
          { value: 'any', label: 'any lesson or check' },
          ...LESSON_NUMBERS.map((n) => ({ value: String(n), label: `Lesson ${n}${lessons[n] ? `: ${lessons[n].title}` : ''}` })),
          { value: 'none', label: 'Structure and approach fit' },
        ]}
        onChange={(v) => setFindings(v === undefined ? null : { lesson: v === 'any' ? 'any' : v === 'none' ? null : (Number(v) as Lesson) })}
      />
      <SelectField
        label="Of severity"
        value={findings && findings.severity !== 'any' ? findings.severity : undefined}
        emptyLabel="any severity"
        options={SEVERITIES}
        onChange={(v) => setFindings({ severity: (v as Severity | undefined) ?? 'any' })}
      />
      <button type="button" onClick={onClose}>
        Close filters
      </button>
    </div>
  );
}

function GroupNameForm() {
  const controller = useController();
  const count = useEditor((s) => s.selection.nodes.size);
  const [name, setName] = useState('');
  const id = useId();
  const cancel = () => setReading(controller, { naming: false });
  return (
    <form
      className="reading-group-form"
      aria-label="Collapse the selection into a group"
      onKeyDown={closeOnEscape(cancel)}
      onSubmit={(event) => {
        event.preventDefault();
        collapseSelection(controller, name);
      }}
    >
      <label htmlFor={id}>Group name</label>
      <input id={id} autoFocus value={name} placeholder={`Group of ${count} nodes`} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={count < 2}>
        Collapse
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
}
