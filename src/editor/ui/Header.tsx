// The top bar: menus and toolbar (both read the action registry), the search box, the file status.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { nodeTag } from '../../render/text';
import { ACTION_GROUPS, ACTIONS, type Action } from '../actions';
import { formatShortcut } from '../shortcuts';
import { useController, useEditor, useUi } from './context';
import { ViewMenu } from './ViewMenu';

/** Re-renders when any action's enabled state changes (a string of flags keeps the snapshot stable). */
function useEnabled(): (action: Action) => boolean {
  const controller = useController();
  const flags = useEditor(() => ACTIONS.map((a) => (a.enabled ? Number(a.enabled(controller)) : 1)).join(''));
  return (action) => flags[ACTIONS.indexOf(action)] === '1';
}

function Menu({ label, actions, enabled }: { label: string; actions: readonly Action[]; enabled: (a: Action) => boolean }) {
  const controller = useController();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
      root.current?.querySelector('button')?.focus();
    }
  };
  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button type="button" className="menu__button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open && (
        <ul className="menu__list" id={id}>
          {actions.map((action) => (
            <li key={action.id}>
              <button
                type="button"
                className="menu__item"
                disabled={!enabled(action)}
                onClick={() => {
                  setOpen(false);
                  void action.perform(controller);
                }}
              >
                <span>{action.label}</span>
                {action.shortcuts[0] && <kbd>{formatShortcut(action.shortcuts[0])}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Search() {
  const controller = useController();
  const nodes = useEditor((s) => s.doc.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const q = query.trim().toLowerCase();
  const matches = q ? [...nodes.values()].filter((n) => n.label.toLowerCase().includes(q)).slice(0, 12) : [];
  const choose = (id: string) => {
    controller.focusElement(id);
    // Keyboard users continue from the node: Tab, arrows and Alt+arrows work from there.
    controller.focusNodeElement(id);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && matches[active]) {
      event.preventDefault();
      choose(matches[active].id);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };
  return (
    <div className="search" role="search">
      <label htmlFor="node-search" className="sr-only">
        Find a node by label
      </label>
      <input
        id="node-search"
        type="search"
        placeholder="Find a node…"
        value={query}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {q && (
        <ul className="search__results" id={listId} role="listbox" aria-label="Matching nodes">
          {matches.length === 0 && <li className="search__empty" role="option" aria-selected={false} aria-disabled="true">No node matches “{query}”.</li>}
          {matches.map((node, i) => (
            <li
              key={node.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => choose(node.id)}
            >
              <span className="search__tag">{nodeTag(node)}</span> {node.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A value as it was a frame ago. The file status changes on the first key after each pause in
 * typing (autosaving again); drawn in that key's own frame it added 10–15 ms to it at 2,000 nodes
 * (bench/editor.ts, first key after a pause: median 44 → 31 ms), and a frame later no one waits for it.
 */
function useFrameLate<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const frame = requestAnimationFrame(() => setShown(value));
    return () => cancelAnimationFrame(frame);
  }, [value, shown]);
  return shown;
}

function FileStatus() {
  const file = useFrameLate(useUi((s) => s.file));
  const title = useEditor((s) => s.doc.meta.title);
  useEffect(() => {
    document.title = `${file.dirty ? '● ' : ''}${title} — ToC Studio`;
  }, [file.dirty, title]);
  const status = file.dirty ? 'Unsaved changes' : file.name ? 'Saved' : 'Not saved to a file yet';
  const autosave = file.autosave === 'saved' ? 'Autosaved in this browser' : file.autosave === 'pending' ? 'Autosaving…' : file.autosave === 'failed' ? 'Autosave failed' : file.autosave === 'paused' ? 'Not autosaved: open in another tab' : '';
  return (
    <div className="file-status">
      <div className="file-status__box">
        <span className="file-status__title" title={title}>
          {title}
        </span>
        <span className="file-status__name">{file.name ?? 'untitled'}</span>
        <span className="file-status__state" data-dirty={file.dirty}>
          {file.dirty && <span aria-hidden="true">● </span>}
          {status}
        </span>
        <span className="file-status__autosave" role="status" data-state={file.autosave}>
          {autosave}
        </span>
      </div>
    </div>
  );
}

export function Header() {
  const controller = useController();
  const enabled = useEnabled();
  return (
    <header className="app-header">
      <h1 className="app-title">ToC Studio</h1>
      <nav className="menubar" aria-label="Menus">
        {ACTION_GROUPS.map((group) => (
          <Menu key={group.id} label={group.label} actions={ACTIONS.filter((a) => a.group === group.id)} enabled={enabled} />
        ))}
      </nav>
      <div className="toolbar" role="toolbar" aria-label="Common actions">
        {ACTIONS.filter((a) => a.toolbar).map((action) => (
          <button
            key={action.id}
            type="button"
            disabled={!enabled(action)}
            title={action.shortcuts[0] ? `${action.label} (${formatShortcut(action.shortcuts[0])})` : action.label}
            onClick={() => void action.perform(controller)}
          >
            {action.label}
          </button>
        ))}
      </div>
      <ViewMenu />
      <Search />
      <FileStatus />
    </header>
  );
}
