// Modal dialogs (native <dialog>: focus is trapped and Escape closes), notices and the link menu.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { EDGE_STYLES } from '../../render/theme';
import { ACTION_GROUPS, ACTIONS } from '../actions';
import { EDGE_VERBS } from '../connect';
import { chunkLoader } from '../load-chunk';
import { formatShortcut } from '../shortcuts';
import type { Dialog as DialogState } from '../ui-state';
import { useChunk } from './chunk';
import { useController, useEditor, useUi } from './context';

function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={`modal${wide ? ' modal--wide' : ''}`} aria-labelledby="modal-title" onCancel={(e) => (e.preventDefault(), onClose())}>
      <div className="modal__header">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="modal__close" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}

function ProblemsDialog({ dialog }: { dialog: Extract<DialogState, { type: 'problems' }> }) {
  const controller = useController();
  const close = () => controller.ui.set({ dialog: null });
  const { repair } = dialog;
  return (
    <Modal title={`${dialog.fileName} cannot be opened as it is`} onClose={close} wide>
      <p>
        The file has {dialog.problems.length} problem{dialog.problems.length === 1 ? '' : 's'}. Nothing has been changed or dropped.
      </p>
      <table className="problems">
        <caption className="sr-only">Problems in the file</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Line:column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {dialog.problems.map((problem, i) => (
            <tr key={i} className="problem">
              <td><code>{problem.path || '(the file)'}</code></td>
              <td>{problem.line}:{problem.column}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {repair.ok ? (
        <section className="repair" aria-labelledby="repair-heading">
          <h3 id="repair-heading">Repair</h3>
          <p>ToC Studio can open the file after these {repair.actions.length} change{repair.actions.length === 1 ? '' : 's'}, and nothing else:</p>
          <ul className="repair__list">
            {repair.actions.map((action, i) => (
              <li key={i}>{action.description.charAt(0).toUpperCase() + action.description.slice(1)}</li>
            ))}
          </ul>
          <p className="hint">The file on disk stays as it is until you save.</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => controller.applyRepair(dialog.fileName, repair)}>
              Repair and open
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </section>
      ) : (
        <>
          <p className="repair__none">{repair.reason}</p>
          <div className="button-row">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

function NewDialog() {
  const controller = useController();
  const dirty = useUi((s) => s.file.dirty);
  const close = () => controller.ui.set({ dialog: null });
  return (
    <Modal title="New model" onClose={close}>
      {dirty && <p className="warning-text">The current model has unsaved changes; save it first if you want to keep them.</p>}
      <ul className="template-list">
        <li>
          <button type="button" onClick={() => controller.newModel(null)}>
            <strong>Blank model</strong>
            <span>Start from an empty canvas.</span>
          </button>
        </li>
        {controller.examples.map((example) => (
          <li key={example.name}>
            <button type="button" onClick={() => controller.newModel(example)}>
              <strong>{example.title}</strong>
              <span>Template from examples/{example.name}.toc.json</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

// The dialog and the exporters behind its preview arrive when it first opens: 18 kB less in the
// first download (bench/bundle.ts).
const loadExportDialog = chunkLoader('The Export dialog', () => import('./ExportDialog'));

function ExportDialog() {
  const controller = useController();
  const [attempt, setAttempt] = useState(0);
  const dialog = useChunk(loadExportDialog, attempt);
  return (
    <Modal title="Export" onClose={() => controller.ui.set({ dialog: null })} wide>
      {dialog.module ? (
        <dialog.module.ExportDialogBody />
      ) : dialog.error ? (
        <>
          <p className="warning-text" role="alert">
            {dialog.error}
          </p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </>
      ) : (
        <p role="status">Loading the export…</p>
      )}
    </Modal>
  );
}

function ShortcutsDialog() {
  const controller = useController();
  const close = () => controller.ui.set({ dialog: null });
  return (
    <Modal title="Keyboard shortcuts" onClose={close} wide>
      <div className="shortcut-groups">
        {ACTION_GROUPS.map((group) => (
          <section key={group.id}>
            <h3>{group.label}</h3>
            <dl className="shortcuts">
              {ACTIONS.filter((a) => a.group === group.id && a.shortcuts.length > 0).map((action) => (
                <div key={action.id} className="shortcuts__row">
                  <dt>{action.label}</dt>
                  <dd>
                    {action.shortcuts.map((s, i) => (
                      <span key={s}>
                        {i > 0 && ' or '}
                        <kbd>{formatShortcut(s)}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Canvas</h3>
          <dl className="shortcuts">
            <div className="shortcuts__row"><dt>Select several</dt><dd><kbd>Shift</kbd> + drag, or <kbd>Ctrl</kbd> + click</dd></div>
            <div className="shortcuts__row"><dt>Move between nodes</dt><dd><kbd>Tab</kbd>, then <kbd>Enter</kbd> to select</dd></div>
            <div className="shortcuts__row"><dt>Move the selected nodes</dt><dd>arrow keys</dd></div>
            <div className="shortcuts__row"><dt>Link two nodes</dt><dd>drag from the right-hand handle onto another node</dd></div>
          </dl>
        </section>
      </div>
    </Modal>
  );
}

/** Save found the file changed on disk since it was opened or last saved here. */
function SaveConflictDialog({ fileName }: { fileName: string }) {
  const controller = useController();
  const close = () => controller.ui.set({ dialog: null });
  const then = (action: () => Promise<void>) => () => {
    close();
    void action();
  };
  return (
    <Modal title={`${fileName} has changed on disk`} onClose={close}>
      <p>Someone or something changed the file since you opened or last saved it here. Saving now would replace those changes.</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={then(() => controller.save(true))}>
          Overwrite the file
        </button>
        <button type="button" onClick={then(() => controller.saveAs())}>
          Save as a copy…
        </button>
        <button type="button" onClick={then(() => controller.reopenFromDisk())}>
          Open the file as it is now
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  if (dialog.type === 'problems') return <ProblemsDialog dialog={dialog} />;
  if (dialog.type === 'save-conflict') return <SaveConflictDialog fileName={dialog.fileName} />;
  if (dialog.type === 'new') return <NewDialog />;
  if (dialog.type === 'export') return <ExportDialog />;
  return <ShortcutsDialog />;
}

export function Notices() {
  const controller = useController();
  const notices = useUi((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`}>
          <span>{notice.message}</span>
          <button type="button" className="link-button" onClick={() => controller.dismiss(notice.id)} aria-label={`Dismiss: ${notice.message}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

/** Another tab of this browser writes the working copy: say so, and offer to take over. */
export function OtherTabBanner() {
  const controller = useController();
  const otherTab = useUi((s) => s.otherTab);
  if (!otherTab) return null;
  return (
    <div className="other-tab-banner" role="alert">
      <span>
        This model is open in another tab, which keeps the autosaved working copy. Changes made here are not autosaved, so they cannot replace
        the other tab's work; save them to a file, or take over.
      </span>
      <button type="button" onClick={() => void controller.takeOverWorkingCopy()}>
        Autosave this tab instead
      </button>
    </div>
  );
}

/** Several kinds of link fit between the two nodes: a small menu asks which. */
export function ConnectMenu() {
  const controller = useController();
  const menu = useUi((s) => s.connectMenu);
  const source = useEditor((s) => (menu ? s.doc.nodes.get(menu.source) : undefined));
  const target = useEditor((s) => (menu ? s.doc.nodes.get(menu.target) : undefined));
  const first = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.focus(), [menu]);
  useEffect(() => {
    if (!menu) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) controller.ui.set({ connectMenu: null });
    };
    window.addEventListener('pointerdown', outside);
    return () => window.removeEventListener('pointerdown', outside);
  }, [menu, controller]);
  if (!menu || !source || !target) return null;
  const close = () => controller.ui.set({ connectMenu: null });
  return (
    <div
      ref={root}
      className="connect-menu"
      role="dialog"
      aria-label="Choose the kind of link"
      style={{ left: Math.min(menu.x, window.innerWidth - 280), top: Math.min(menu.y, window.innerHeight - 200) }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <p>
        Link “{source.label}” to “{target.label}” as:
      </p>
      <ul>
        {menu.kinds.map((kind, i) => (
          <li key={kind}>
            <button ref={i === 0 ? first : undefined} type="button" onClick={() => controller.createEdge(kind, menu.source, menu.target)}>
              <svg width={28} height={8} aria-hidden="true" focusable="false">
                <line x1={0} y1={4} x2={28} y2={4} stroke={EDGE_STYLES[kind].stroke} strokeWidth={2} strokeDasharray={EDGE_STYLES[kind].dash} strokeLinecap={EDGE_STYLES[kind].lineCap} />
              </svg>
              {EDGE_VERBS[kind]} ({kind})
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={close}>
        Cancel
      </button>
    </div>
  );
}
