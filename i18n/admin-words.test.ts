// The admin screens say nothing in English outside the message files: a heading, label or button
// written into a page or component would show in English on a French or Arabic page. The review
// queue and the drafts (app/admin/review, app/admin/drafts) have their own messages and checks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "@/server/import/columns";
import { loadMessages } from "./messages";

const root = path.resolve(import.meta.dirname, "..");
const NOT_HERE = ["app/admin/review", "app/admin/drafts"];

function tsx(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const at = `${dir}/${name}`;
    if (NOT_HERE.includes(at)) return [];
    if (statSync(path.join(root, at)).isDirectory()) return tsx(at);
    return name.endsWith(".tsx") ? [at] : [];
  });
}

const ADMIN_SOURCES = [...tsx("app/admin"), ...tsx("app/_components/admin"), "app/_components/forms/share-with-field.tsx", "app/_components/refreshing-action.tsx"];

/** Words a reader would see, written into the source: JSX text, text attributes, a ternary's sentences, a fixed page title. */
function englishIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const [, text = ""] of code.matchAll(/>([^<>{}]*)</g)) {
    // Between a type's or a comparison's angle brackets there is code, not words.
    if (/[A-Za-z]{2,}/.test(text) && !/[;=&|?]|\bPromise\b|\bstring\b/.test(text)) found.push(text.trim());
  }
  for (const [whole, , value = ""] of code.matchAll(/\b(label|aria-label|title|placeholder|alt|caption)="([^"]*)"/g)) {
    if (/[A-Za-z]{2,}/.test(value.replace(/https?:\/\/\S*/g, ""))) found.push(whole);
  }
  // A message key is one lowerCamel word; a sentence has a space, a capital or closing punctuation.
  for (const [, a = "", b = ""] of code.matchAll(/\?\s*"([^"\n]*)"\s*:\s*"([^"\n]*)"/g)) {
    for (const value of [a, b]) if (/[A-Za-z]{2,}/.test(value) && /\s|^[A-Z][a-z]|[.…!]$/.test(value) && !value.startsWith("/")) found.push(value);
  }
  if (/metadata\s*(:\s*Metadata)?\s*=\s*\{\s*title:\s*"/.test(code)) found.push("metadata title");
  return found;
}

describe("admin screens in the reader's language", () => {
  it("finds English written into a page (the check itself)", () => {
    expect(englishIn(`export const metadata: Metadata = { title: "Audit log" };\nconst x = <h1>Audit log</h1>;`)).toEqual(["Audit log", "metadata title"]);
    expect(englishIn(`<nav aria-label="Admin">{busy ? "Run now" : t("idle")}</nav>`)).toEqual(['aria-label="Admin"']);
    expect(englishIn(`<td>{job.enabled ? "Idle" : "Off (INGEST=0)"}</td>`)).toEqual(["Idle", "Off (INGEST=0)"]);
    expect(englishIn(`const f = (a: Array<string>): Promise<void> => <p dir={rtl ? "rtl" : "ltr"}>{t(ok ? "counts" : "countsBlocked")}</p>;`)).toEqual([]);
  });

  it.each(ADMIN_SOURCES)("%s says its words through the messages", (file) => {
    expect(englishIn(readFileSync(path.join(root, file), "utf8"))).toEqual([]);
  });

  it("gives every admin page a French and an Arabic heading of its own", async () => {
    const [en, fr, ar] = await Promise.all([loadMessages("en"), loadMessages("fr"), loadMessages("ar")]);
    for (const page of ["index", "audit", "feeds", "jobs", "tokens", "import"] as const) {
      expect(fr.adminPages[page].title, page).not.toBe(en.adminPages[page].title);
      expect(ar.adminPages[page].title, page).not.toBe(en.adminPages[page].title);
    }
  });

  it("describes every import column in the messages", async () => {
    const words = (await loadMessages("en")).adminPages.import.columns;
    expect([...EVENT_COLUMNS, ...SOURCE_COLUMNS].map((c) => c.name).filter((name) => !(name in words))).toEqual([]);
  });
});
