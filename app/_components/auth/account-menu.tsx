"use client";
// The signed-in user's menu: their name opens it; "Sign out" ends the session on the server.
import Link from "next/link";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

export function AccountMenu({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  // Until React has hydrated, a click would do nothing: say so with a disabled button instead.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      const outside = event.target instanceof Node && !root.current?.contains(event.target);
      if (event instanceof KeyboardEvent ? event.key === "Escape" : outside) setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    // A full load: nothing of the signed-in pages may stay in the client's caches.
    window.location.assign("/login");
  }

  return (
    <div className="account-menu" ref={root}>
      <button type="button" aria-expanded={open} aria-controls={menuId} disabled={!hydrated} onClick={() => setOpen((o) => !o)}>
        {name}
      </button>
      <ul id={menuId} hidden={!open} className="account-menu-items">
        <li>
          <Link href="/account" onClick={() => setOpen(false)}>
            Change password
          </Link>
        </li>
        <li>
          <button type="button" onClick={() => void signOut()} disabled={signingOut}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
