"use client";
// The signed-in user's menu: their name opens it; "Sign out" ends the session on the server.
import { Link } from "@/app/_components/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { LanguageMenu } from "../language-menu";
import { useHydrated } from "../use-hydrated";

export function AccountMenu({ name }: { name: string }) {
  const t = useTranslations("common.account");
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  // Until React has hydrated, a click would do nothing: say so with a disabled button instead.
  const hydrated = useHydrated();

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
    setSignOutError(null);
    const response = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    if (!response?.ok) {
      // The session may still be valid on the server: say so rather than pretend it ended.
      const body: unknown = await response?.json().catch(() => null);
      const reason = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : t("serverSilent");
      setSignOutError(t("notSignedOut", { reason }));
      setSigningOut(false);
      return;
    }
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
            {t("changePassword")}
          </Link>
        </li>
        <li>
          <button type="button" onClick={() => void signOut()} disabled={signingOut}>
            {t("signOut")}
          </button>
          {signOutError && (
            <p className="error" role="alert">
              {signOutError}
            </p>
          )}
        </li>
        <li>
          <LanguageMenu />
        </li>
      </ul>
    </div>
  );
}
