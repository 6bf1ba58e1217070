/** Telling the reader things: a notice to read and dismiss, and polite announcements for screen readers. */
import { h } from '../dom.ts';
import { button, type View } from './view.ts';

export interface Notices {
  /** Announces `text` to screen readers. */
  say(text: string): void;
  /** Shows `text` in the notice box until dismissed. */
  warn(text: string): void;
  dismiss(): void;
}

export function createNotices({ live, notice }: Pick<View, 'live' | 'notice'>): Notices {
  return {
    say(text) {
      // Emptied first so the same words twice are still announced.
      live.textContent = '';
      setTimeout(() => (live.textContent = text), 50);
    },
    warn: (text) => notice.replaceChildren(h('p', null, text), button('dismiss', 'Dismiss')),
    dismiss: () => notice.replaceChildren(),
  };
}
