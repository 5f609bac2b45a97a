"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

export type ReviewKeyHandlers = {
  /** A key that may score the active line (digits, y, n). Returns true when it did. */
  score: (key: string) => boolean;
  move: (by: 1 | -1) => void;
  submit: () => void;
  skip: () => void;
  help: () => void;
  focusField: (which: "comment" | "correction") => void;
  openRequest: () => void;
};

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
const pressable = (el: EventTarget | null) => el instanceof HTMLElement && ["BUTTON", "A", "SUMMARY"].includes(el.tagName);

/**
 * The review screen's shortcuts on the window. While a field has focus, keys type into
 * it: Esc leaves the field and Ctrl/⌘+Enter submits. Focused buttons and links keep
 * their own Enter and Space. `enabled` is false while a dialog is open or a call runs.
 */
export function useReviewKeys(handlers: ReviewKeyHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  // Layout effect: the next key press (which may come before paint) must see this render's state.
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(e: KeyboardEvent) {
      const h = ref.current;
      if (typing(e.target)) {
        if (e.key === "Escape") (e.target as HTMLElement).blur();
        else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          h.submit();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (pressable(e.target) && (e.key === "Enter" || e.key === " ")) return;
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      switch (e.key) {
        case "?": return act(h.help);
        case "j": return act(() => h.move(1));
        case "k": return act(() => h.move(-1));
        case "s": return act(h.skip);
        case "Enter": return act(h.submit);
        case "c": return act(() => h.focusField("comment"));
        case "e": return act(() => h.focusField("correction"));
        case "o": return act(h.openRequest);
        default:
          if (h.score(e.key)) e.preventDefault();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
