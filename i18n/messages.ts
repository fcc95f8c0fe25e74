// The interface's words, one JSON file per locale and namespace (messages/<locale>/<namespace>.json),
// so each part of the app is translated in its own file. English is the reference: its files give
// the keys' types (a key missing in English fails the typecheck), and `messages.test.ts` fails when
// another locale lacks one of its keys or has one English does not, or a key is used nowhere.
import type { Locale } from "@/server/i18n/locales";
import type auth from "@/messages/en/auth.json";
import type common from "@/messages/en/common.json";
import type errors from "@/messages/en/errors.json";
import type forms from "@/messages/en/forms.json";
import type admin from "@/messages/en/admin.json";
import type review from "@/messages/en/review.json";

export type Messages = {
  common: typeof common;
  auth: typeof auth;
  errors: typeof errors;
  forms: typeof forms;
  admin: typeof admin;
  review: typeof review;
};

export type Namespace = keyof Messages;

export const NAMESPACES = ["common", "auth", "errors", "forms", "admin", "review"] as const satisfies readonly Namespace[];

/** Every namespace of one locale, read from its files (bundled per locale, loaded on first use). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, ((await import(`../messages/${locale}/${namespace}.json`)) as { default: unknown }).default] as const),
  );
  // The files' shapes are held equal to English's by messages.test.ts; the typecheck cannot see into a dynamic import.
  return Object.fromEntries(entries) as Messages;
}
