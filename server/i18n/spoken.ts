// The server's side of `said` (server/shared/said.ts): a refusal put in the language of the request
// it answers, for the tRPC error formatter and the route handlers. The request's language is
// negotiated as a page's is (the language cookie, then Accept-Language), so a form's message
// matches the page around it.
import { createTranslator } from "next-intl";
import ar from "@/messages/ar/errors.json" with { type: "json" };
import en from "@/messages/en/errors.json" with { type: "json" };
import fr from "@/messages/fr/errors.json" with { type: "json" };
import { spokenIn } from "../shared/said";
import type { Locale } from "./locales";

const CATALOGUES: Record<Locale, typeof en> = { en, fr, ar };

export { localeOfRequest } from "./negotiate";

/** Puts a message in the locale's words (see `spokenIn`): English, and anything not said through `said`, as it is. */
export function speakerFor(locale: Locale): (message: string) => string {
  if (locale === "en") return (message) => message;
  const words = createTranslator({ locale, messages: { errors: CATALOGUES[locale] }, namespace: "errors" });
  return (message) => spokenIn(message, (key, args) => words(key, args), locale);
}
