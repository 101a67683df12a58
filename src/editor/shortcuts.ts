// Keyboard shortcuts as strings ("Mod+Shift+Z"): matched against key events and shown to people.
// "Mod" is Cmd on a Mac and Ctrl elsewhere (either is accepted, so a Mac keyboard on Linux works).

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function parse(shortcut: string): { key: string; mods: Set<string> } {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  return { key: key === 'Plus' ? '+' : key, mods: new Set(parts) };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

export function matchesShortcut(shortcut: string, event: KeyLike): boolean {
  const { key, mods } = parse(shortcut);
  const command = event.ctrlKey || event.metaKey;
  if (mods.has('Mod')) {
    if (!command) return false;
  } else if (mods.has('Ctrl')) {
    if (!event.ctrlKey || event.metaKey) return false;
  } else if (command) {
    return false;
  }
  if (event.altKey !== mods.has('Alt')) return false;
  // A printable symbol such as "?" already says whether Shift was down.
  const symbol = key.length === 1 && !isLetter(key) && !/[0-9]/.test(key);
  if (!symbol && event.shiftKey !== mods.has('Shift')) return false;
  if (isLetter(key)) {
    return event.key.toLowerCase() === key.toLowerCase() || event.code === `Key${key.toUpperCase()}`;
  }
  if (/^[0-9]$/.test(key)) return event.key === key || event.code === `Digit${key}`;
  return event.key === key;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Escape: 'Esc',
};

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac). */
export function formatShortcut(shortcut: string, mac = isMac()): string {
  const { key, mods } = parse(shortcut);
  const name = NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (mac) {
    const symbols = [mods.has('Ctrl') ? '⌃' : '', mods.has('Alt') ? '⌥' : '', mods.has('Shift') ? '⇧' : '', mods.has('Mod') ? '⌘' : ''];
    return `${symbols.join('')}${name}`;
  }
  return [...(mods.has('Mod') || mods.has('Ctrl') ? ['Ctrl'] : []), ...(mods.has('Alt') ? ['Alt'] : []), ...(mods.has('Shift') ? ['Shift'] : []), name].join('+');
}

/** Whether a key event is aimed at a text field, where the editor must not take keys away. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  // Last: reading it brings the page's style up to date, on every key.
  return target.isContentEditable;
}
