import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorController } from '../controller';
import type { EditorState } from '../store';
import type { UiState } from '../ui-state';

export const EditorContext = createContext<EditorController | null>(null);

export function useController(): EditorController {
  const controller = useContext(EditorContext);
  if (!controller) throw new Error('EditorContext is missing');
  return controller;
}

/** A narrow view of the editor store: the component re-renders only when the selected value changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const { store } = useController();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useUi<T>(selector: (state: UiState) => T): T {
  const { ui } = useController();
  return useSyncExternalStore(ui.subscribe, () => selector(ui.getState()));
}
