// Tidy layout's settings and its progress: a live status line with a Cancel button while it runs.
import { useId } from 'react';
import type { Direction, SpacingPreset } from '../../layout';
import { useController, useEditor, useUi } from './context';

export function LayoutControls() {
  const controller = useController();
  const chosen = useUi((s) => s.layoutSettings);
  // Re-read when the model's `view.layout` changes (undo, open).
  useEditor((s) => s.doc.meta.view);
  const settings = chosen ?? controller.layoutSettings();
  const run = useUi((s) => s.layoutRun);
  const id = useId();
  const set = (change: Partial<typeof settings>) => controller.ui.set({ layoutSettings: { ...settings, ...change } });
  return (
    <div className="layout-controls" role="group" aria-label="Tidy layout settings">
      <label htmlFor={`${id}-dir`} className="sr-only">
        Layout direction
      </label>
      <select id={`${id}-dir`} value={settings.direction} onChange={(e) => set({ direction: e.target.value as Direction })} title="Layout direction">
        <option value="LR">Left to right</option>
        <option value="TB">Top to bottom</option>
      </select>
      <label htmlFor={`${id}-gap`} className="sr-only">
        Layout spacing
      </label>
      <select id={`${id}-gap`} value={settings.spacing} onChange={(e) => set({ spacing: e.target.value as SpacingPreset })} title="Layout spacing">
        <option value="compact">Compact</option>
        <option value="normal">Normal spacing</option>
        <option value="roomy">Roomy</option>
      </select>
      <div className="layout-status" role="status" aria-live="polite" data-state={run?.state ?? 'idle'} data-where={run?.where}>
        {run?.state === 'running' && (
          <progress max={1} value={run.fraction} aria-label="Layout progress" />
        )}
        <span className="layout-status__text">{run ? (run.state === 'running' ? `Laying out… ${run.message}` : run.message) : ''}</span>
      </div>
      {run?.state === 'running' && (
        <button type="button" onClick={() => controller.cancelLayout()}>
          Cancel layout
        </button>
      )}
    </div>
  );
}
