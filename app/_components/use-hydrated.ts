"use client";
// Whether React has hydrated this tree: false in the server's HTML and during hydration, true after.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * Until hydration, a control's handler is not attached: a click does nothing and a form's submit
 * falls back to the browser's own (a GET that would put its fields in the address bar). Controls
 * that must not act before then are disabled until this turns true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
