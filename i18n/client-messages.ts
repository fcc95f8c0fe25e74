// The messages a browser is sent: the parts client components read, one script per language
// (i18n/client/<locale>.ts) that the browser loads once and caches, rather than in every page's
// payload, where serializing them cost each page 30–40 ms of the server's CPU (BENCHMARKS.md).
import type { AbstractIntlMessages } from "next-intl";
import type { Messages } from "./messages";

/**
 * The namespaces, or parts of one, that components read with useTranslations. The rest
 * (e-mails, exports, CAMEO, the methodology's prose…) is read on the server only and would add
 * tens of kilobytes to the script. `messages.test.ts` fails when a useTranslations reads outside
 * this list, or when a language's script differs from what this list picks from its files.
 */
export const CLIENT_MESSAGES = [
  "common", "auth", "account", "agreements", "alerts", "dashboard", "errors", "filters", "forms",
  "places", "relations", "review", "states", "views", "notes", "methodology.sensitivity", "admin.controls",
] as const;

type RootOf<Part> = Part extends `${infer Root}.${string}` ? Root : Part;
/** The message files a language's script imports: a part's namespace, whole. */
export type ClientNamespaces = Pick<Messages, RootOf<(typeof CLIENT_MESSAGES)[number]>>;

type Tree = { [key: string]: string | Tree };

export function clientMessages(messages: ClientNamespaces): AbstractIntlMessages {
  const all: Tree = messages;
  const out: Tree = {};
  for (const path of CLIENT_MESSAGES) {
    const keys = path.split(".");
    let from: string | Tree | undefined = all;
    let to = out;
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else {
        const next: string | Tree = (to[key] ??= {});
        if (typeof next === "object") to = next;
      }
    });
  }
  return out;
}
