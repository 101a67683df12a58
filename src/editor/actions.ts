// The one action registry: menus, the toolbar, the keyboard handler and the shortcuts list all
// read this list, so a command, its label and its keys are defined once.
import { isSelectionEmpty } from './doc';
import type { EditorController } from './controller';
import { clearReading, setReading, togglePathway } from './reading';

export interface Action {
  id: string;
  label: string;
  group: 'file' | 'edit' | 'view' | 'help';
  shortcuts: readonly string[];
  enabled?: (editor: EditorController) => boolean;
  perform: (editor: EditorController) => void | Promise<void>;
  /** Also works while the focus is in a text field (Save, Open). */
  inFields?: boolean;
  /** The browser's copy, cut and paste events carry these keys (with clipboard access), not keydown. */
  clipboard?: boolean;
  /** Shown as a toolbar button too. */
  toolbar?: boolean;
  /** Handled before the canvas sees the key (React Flow would move a focused node on Alt+arrow). */
  capture?: boolean;
}

const hasSelection = (e: EditorController) => !isSelectionEmpty(e.store.getState().selection);
const hasSelectedNodes = (e: EditorController) => e.store.getState().selection.nodes.size > 0;
const hasNodes = (e: EditorController) => e.store.getState().doc.nodes.size > 0;

export const ACTIONS: readonly Action[] = [
  { id: 'new', label: 'New…', group: 'file', shortcuts: ['Alt+N'], perform: (e) => e.ui.set({ dialog: { type: 'new' } }) },
  { id: 'open', label: 'Open…', group: 'file', shortcuts: ['Mod+O'], inFields: true, perform: (e) => e.open() },
  { id: 'save', label: 'Save', group: 'file', shortcuts: ['Mod+S'], inFields: true, toolbar: true, perform: (e) => e.save() },
  { id: 'save-as', label: 'Save As…', group: 'file', shortcuts: ['Mod+Shift+S'], inFields: true, perform: (e) => e.saveAs() },
  { id: 'export', label: 'Export…', group: 'file', shortcuts: ['Mod+E'], inFields: true, perform: (e) => e.ui.set({ dialog: { type: 'export' } }) },

  {
    id: 'undo', label: 'Undo', group: 'edit', shortcuts: ['Mod+Z'], toolbar: true,
    enabled: (e) => e.store.getState().canUndo, perform: (e) => void e.store.undo(),
  },
  {
    id: 'redo', label: 'Redo', group: 'edit', shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'], toolbar: true,
    enabled: (e) => e.store.getState().canRedo, perform: (e) => void e.store.redo(),
  },
  { id: 'cut', label: 'Cut', group: 'edit', shortcuts: ['Mod+X'], clipboard: true, enabled: hasSelectedNodes, perform: (e) => e.cut() },
  { id: 'copy', label: 'Copy', group: 'edit', shortcuts: ['Mod+C'], clipboard: true, enabled: hasSelectedNodes, perform: (e) => e.copy() },
  { id: 'paste', label: 'Paste', group: 'edit', shortcuts: ['Mod+V'], clipboard: true, perform: (e) => e.paste() },
  { id: 'duplicate', label: 'Duplicate', group: 'edit', shortcuts: ['Mod+D'], toolbar: true, enabled: hasSelectedNodes, perform: (e) => e.duplicate() },
  {
    id: 'delete', label: 'Delete', group: 'edit', shortcuts: ['Delete', 'Backspace'], toolbar: true,
    enabled: hasSelection, perform: (e) => e.deleteSelection(),
  },
  { id: 'select-all', label: 'Select all', group: 'edit', shortcuts: ['Mod+A'], enabled: hasNodes, perform: (e) => e.selectAll() },
  {
    id: 'select-none', label: 'Select nothing (model settings)', group: 'edit', shortcuts: ['Escape'],
    perform: (e) => e.store.setSelection({ nodes: new Set(), edges: new Set() }),
  },
  {
    id: 'find', label: 'Find a node…', group: 'edit', shortcuts: ['Mod+F', '/'],
    perform: () => document.getElementById('node-search')?.focus(),
  },

  { id: 'tidy-layout', label: 'Tidy layout', group: 'view', shortcuts: ['Mod+Shift+L'], toolbar: true, enabled: hasNodes, perform: (e) => e.tidyLayout() },
  { id: 'fit-view', label: 'Fit the model in view', group: 'view', shortcuts: ['Shift+1'], toolbar: true, perform: (e) => void e.flow?.fitView({ duration: 200, padding: 0.1 }) },
  { id: 'zoom-in', label: 'Zoom in', group: 'view', shortcuts: ['=', 'Plus'], perform: (e) => void e.flow?.zoomIn({ duration: 150 }) },
  { id: 'zoom-out', label: 'Zoom out', group: 'view', shortcuts: ['-'], perform: (e) => void e.flow?.zoomOut({ duration: 150 }) },
  { id: 'go-left', label: 'Select the node to the left', group: 'view', shortcuts: ['Alt+ArrowLeft'], capture: true, perform: (e) => e.navigate('left') },
  { id: 'go-right', label: 'Select the node to the right', group: 'view', shortcuts: ['Alt+ArrowRight'], capture: true, perform: (e) => e.navigate('right') },
  { id: 'go-up', label: 'Select the node above', group: 'view', shortcuts: ['Alt+ArrowUp'], capture: true, perform: (e) => e.navigate('up') },
  { id: 'go-down', label: 'Select the node below', group: 'view', shortcuts: ['Alt+ArrowDown'], capture: true, perform: (e) => e.navigate('down') },
  // Reading a big model (reading.ts): view state only, never an edit.
  { id: 'highlight-pathway', label: 'Highlight pathway', group: 'view', shortcuts: ['H'], enabled: hasSelectedNodes, perform: (e) => togglePathway(e) },
  {
    id: 'spine-only', label: 'Show causal spine only', group: 'view', shortcuts: ['Shift+S'],
    perform: (e) => setReading(e, { spineOnly: !e.ui.getState().reading.spineOnly }),
  },
  {
    id: 'collapse-group', label: 'Collapse selection into a group…', group: 'view', shortcuts: ['Mod+G'],
    enabled: (e) => e.store.getState().selection.nodes.size > 1, perform: (e) => setReading(e, { naming: true }),
  },
  { id: 'expand-groups', label: 'Expand all groups', group: 'view', shortcuts: ['Mod+Shift+G'], perform: (e) => setReading(e, { groups: [] }) },
  { id: 'clear-view', label: 'Clear view (show the whole model)', group: 'view', shortcuts: ['Shift+H'], perform: clearReading },

  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'help', shortcuts: ['?'], perform: (e) => e.ui.set({ dialog: { type: 'shortcuts' } }) },
];

export const ACTION_GROUPS = [
  { id: 'file', label: 'File' },
  { id: 'edit', label: 'Edit' },
  { id: 'view', label: 'View' },
  { id: 'help', label: 'Help' },
] as const;

export function actionById(id: string): Action {
  const action = ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`unknown action ${id}`);
  return action;
}
