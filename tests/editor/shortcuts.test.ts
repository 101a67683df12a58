import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/types';
import { ACTIONS } from '../../src/editor/actions';
import { reconcileFindings } from '../../src/editor/findings';
import { formatShortcut, matchesShortcut, type KeyLike } from '../../src/editor/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('matches Mod with Ctrl or Cmd, and Shift exactly for letters', () => {
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut('Mod+Z', key('z', { metaKey: true }))).toBe(true);
    expect(matchesShortcut('Mod+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesShortcut('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut('Ctrl+Y', key('y', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut('Ctrl+Y', key('y', { metaKey: true }))).toBe(false);
    expect(matchesShortcut('Mod+Z', key('z'))).toBe(false);
    expect(matchesShortcut('Delete', key('Delete'))).toBe(true);
    expect(matchesShortcut('Delete', key('Delete', { ctrlKey: true }))).toBe(false);
  });

  it('takes a symbol as typed, whatever Shift it needed', () => {
    expect(matchesShortcut('?', key('?', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut('Shift+1', key('!', { shiftKey: true, code: 'Digit1' }))).toBe(true);
    expect(matchesShortcut('Alt+ArrowLeft', key('ArrowLeft', { altKey: true }))).toBe(true);
    expect(matchesShortcut('Alt+ArrowLeft', key('ArrowLeft'))).toBe(false);
  });

  it('shows shortcuts for the platform', () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(formatShortcut('Alt+ArrowLeft', false)).toBe('Alt+←');
  });

  it('gives no two actions the same key', () => {
    const seen = new Map<string, string>();
    for (const action of ACTIONS) {
      for (const shortcut of action.shortcuts) {
        expect(seen.get(shortcut), shortcut).toBeUndefined();
        seen.set(shortcut, action.id);
      }
    }
    expect(ACTIONS.find((a) => a.id === 'redo')!.shortcuts).toEqual(['Mod+Shift+Z', 'Ctrl+Y']);
  });
});

describe('re-checking', () => {
  const finding = (rule: string, message: string): Finding => ({ rule, lesson: 2, severity: 'warning', message, fix: 'fix it', nodeId: 'a' });

  it('keeps the old findings (and array) when a re-check finds the same', () => {
    const before = [finding('r1', 'one'), finding('r2', 'two')];
    expect(reconcileFindings(before, [finding('r1', 'one'), finding('r2', 'two')])).toBe(before);
  });

  it('keeps unchanged findings and takes the new ones', () => {
    const before = [finding('r1', 'one'), finding('r2', 'two')];
    const after = reconcileFindings(before, [finding('r2', 'two'), finding('r3', 'three')]);
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[1]);
    expect(after[1]).toEqual(finding('r3', 'three'));
  });
});
