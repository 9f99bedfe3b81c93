import { useEffect } from 'react';
import { useStore } from '../store/store.ts';
import { shortcutFor } from './shortcuts.ts';

// Inputs that take no typed text; every other input does (an input without a type attribute
// is a text field, which an [type=text] selector would miss).
const notTyped = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file']);

/** Whether keys pressed on target are typing: text, number and search fields, text areas. */
function typingIn(target: Element | null): boolean {
  if (!target) return false;
  if (target.closest('textarea, select, [contenteditable="true"], [contenteditable=""]')) {
    return true;
  }
  return target instanceof HTMLInputElement && !notTyped.has(target.type);
}

/** Global keyboard shortcuts, except while the user types in a field. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      // Number fields too: digits typed there must not switch layouts or presets.
      if (typingIn(target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // A focused slice slider moves itself on arrow keys; handling them too would step twice.
      if (target?.matches('input[type=range]') && /^(Arrow|Page|Home|End)/.test(e.key)) return;
      if (e.key === 'Escape') return useStore.getState().setHelpOpen(false);
      const shortcut = shortcutFor(e.key);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run(useStore.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
