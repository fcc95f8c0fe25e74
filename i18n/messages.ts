// The interface's words, one JSON file per locale and namespace (messages/<locale>/<namespace>.json),
// so each part of the app is translated in its own file. English is the reference: its files give
// the keys' types (a key missing in English fails the typecheck), and `messages.test.ts` fails when
// another locale lacks one of its keys or has one English does not, or a key is used nowhere.
import type { Locale } from "@/server/i18n/locales";
import type account from "@/messages/en/account.json";
import type alerts from "@/messages/en/alerts.json";
import type auth from "@/messages/en/auth.json";
import type common from "@/messages/en/common.json";
import type agreements from "@/messages/en/agreements.json";
import type events from "@/messages/en/events.json";
import type exportsWords from "@/messages/en/exports.json";
import type methodology from "@/messages/en/methodology.json";
import type cameo from "@/messages/en/cameo.json";
import type email from "@/messages/en/email.json";
import type states from "@/messages/en/states.json";
import type errors from "@/messages/en/errors.json";
import type forms from "@/messages/en/forms.json";
import type admin from "@/messages/en/admin.json";
import type adminPages from "@/messages/en/adminPages.json";
import type review from "@/messages/en/review.json";
import type dashboard from "@/messages/en/dashboard.json";
import type filters from "@/messages/en/filters.json";
import type places from "@/messages/en/places.json";
import type relations from "@/messages/en/relations.json";
import type views from "@/messages/en/views.json";
import type notes from "@/messages/en/notes.json";

export type Messages = {
  common: typeof common;
  auth: typeof auth;
  agreements: typeof agreements;
  events: typeof events;
  exports: typeof exportsWords;
  methodology: typeof methodology;
  cameo: typeof cameo;
  alerts: typeof alerts;
  email: typeof email;
  account: typeof account;
  states: typeof states;
  errors: typeof errors;
  forms: typeof forms;
  admin: typeof admin;
  adminPages: typeof adminPages;
  review: typeof review;
  dashboard: typeof dashboard;
  relations: typeof relations;
  places: typeof places;
  views: typeof views;
  filters: typeof filters;
  notes: typeof notes;
};

export type Namespace = keyof Messages;

export const NAMESPACES = ["common", "auth", "agreements", "events", "exports", "methodology", "cameo", "alerts", "email", "account", "states", "errors", "forms", "admin", "adminPages", "review", "dashboard", "relations", "places", "views", "filters", "notes"] as const satisfies readonly Namespace[];

/** Every namespace of one locale, read from its files (bundled per locale, loaded on first use). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, ((await import(`../messages/${locale}/${namespace}.json`)) as { default: unknown }).default] as const),
  );
  // The files' shapes are held equal to English's by messages.test.ts; the typecheck cannot see into a dynamic import.
  return Object.fromEntries(entries) as Messages;
}
