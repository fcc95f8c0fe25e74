// The message files hold together: every locale has exactly English's keys, each message is valid
// ICU in its locale with English's arguments, and every key is used somewhere in the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatSource from "use-intl/format-message";
import formatCompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/server/i18n/locales";
import { CLIENT_MESSAGES, clientMessages } from "./client-messages";
import { loadMessages, NAMESPACES } from "./messages";
import { type CompiledTree, precompileMessages } from "./precompile-loader.mjs";
import { TIME_ZONE } from "./settings";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "..");

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

/** The names of a message's arguments, in every branch of its plurals and selects. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** The rich-text tags of a message (`<link>…</link>`), which format with a function, not a value. */
function tagsOf(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.tag) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(message));
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const english = async () => leaves((await loadMessages("en")) as unknown as Tree);

describe("message files", () => {
  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly English's keys, with English's arguments", async (locale) => {
    const en = await english();
    const other = leaves((await loadMessages(locale)) as unknown as Tree);
    expect([...other.keys()].filter((k) => !en.has(k)), "keys English does not have").toEqual([]);
    expect([...en.keys()].filter((k) => !other.has(k)), "keys missing").toEqual([]);
    for (const [key, message] of other) {
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe("");
      // Plural branches may drop the number (Arabic's "one"/"two" forms), never rename an argument.
      const theirs = argumentsOf(message).filter((a) => argumentsOf(en.get(key) ?? "").includes(a));
      expect(theirs, `${locale} ${key}: arguments`).toEqual(argumentsOf(message));
    }
  });

  it.each([...LOCALES])("every %s message formats in its locale", async (locale) => {
    const messages = await loadMessages(locale);
    const errors: string[] = [];
    for (const namespace of NAMESPACES) {
      const t = createTranslator({ locale, messages, namespace, onError: (e) => errors.push(`${namespace}: ${e.message}`) });
      const tree = leaves(messages[namespace] as unknown as Tree);
      for (const [key, message] of tree) {
        const tags = tagsOf(message);
        const args = Object.fromEntries(argumentsOf(message).map((a) => [a, tags.has(a) ? (chunks: unknown) => chunks : 3]));
        // Loosely typed here on purpose: the keys come from the files themselves.
        (t as unknown as (key: string, args: Record<string, unknown>) => string)(key, args);
      }
    }
    expect(errors).toEqual([]);
  });

  it.each([...LOCALES])("every %s message reads the same compiled, as the build serves it, as from its text", async (locale) => {
    const messages = await loadMessages(locale);
    const compiled = precompileMessages(messages);
    const cache = _createCache();
    const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: TIME_ZONE };
    const differing: string[] = [];
    for (const [key, message] of leaves(messages as unknown as Tree)) {
      const tags = tagsOf(message);
      // Two values per argument: 1 and 3 pick different plural branches (Arabic has six).
      for (const value of [1, 3]) {
        const args = Object.fromEntries(argumentsOf(message).map((a) => [a, tags.has(a) ? (chunks: unknown) => `<${a}>${String(chunks)}</${a}>` : value]));
        const fromText = formatSource(key, message, args, options);
        const fromCompiled = formatCompiled(key, key.split(".").reduce<CompiledTree | CompiledTree[string]>((tree, part) => (tree as CompiledTree)[part] as CompiledTree, compiled) as never, args, options);
        if (String(fromCompiled) !== String(fromText)) differing.push(`${key} (${value}): ${String(fromText)} ≠ ${String(fromCompiled)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it("uses every English key somewhere in the code", async () => {
    const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "server")), ...sourceFiles(path.join(root, "i18n"))].map((f) => {
      const source = readFileSync(f, "utf8");
      // Each file's string literals, the prefixes of its templates (`prefix.${…}`) and its said("key") calls,
      // read once: looking every key up in every file's text took seconds, too slow under load.
      return {
        literals: new Set([...source.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "")),
        templates: new Set([...source.matchAll(/`([^`$\n]*)\.\$\{/g)].map((m) => m[1] ?? "")),
        said: new Set([...source.matchAll(/said\("([^"]+)"/g)].map((m) => m[1] ?? "")),
      };
    });
    const unused = [...(await english()).keys()].filter((key) => {
      const parts = key.split(".");
      // A refusal's key is read where it is refused, as said("key", …) (server/shared/said.ts).
      if (parts[0] === "errors" && files.some((file) => file.said.has(parts.slice(1).join(".")))) return false;
      // A key is read as t("rest") under useTranslations("prefix"), or built as t(`prefix.${…}`).
      return !files.some((file) =>
        parts.some((_, i) => {
          if (i === 0) return false;
          const namespaced = file.literals.has(parts.slice(0, i).join(".")) || file.literals.has(parts[0] ?? "");
          const read = file.literals.has(parts.slice(i).join(".")) || file.templates.has(parts.slice(i, -1).join("."));
          return namespaced && read;
        }),
      );
    });
    expect(unused).toEqual([]);
  });

  it("sends the browser every part a useTranslations reads, and only those", async () => {
    const read = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "server"))].flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/useTranslations(?:<[^>]*>)?\(\s*"([^"]+)"/g)].map((m) => m[1] ?? ""),
    );
    expect(read.length).toBeGreaterThan(20);
    const shipped = (namespace: string) => CLIENT_MESSAGES.some((part) => namespace === part || namespace.startsWith(`${part}.`));
    expect([...new Set(read.filter((namespace) => !shipped(namespace)))]).toEqual([]);

    const sent = clientMessages(await loadMessages("fr"));
    expect(Object.keys(sent)).not.toContain("email");
    expect(Object.keys(sent.methodology ?? {})).toEqual(["sensitivity"]);
    expect(sent.common).toEqual((await loadMessages("fr")).common);
  });

  it.each(LOCALES)("gives the browser reading %s its language's script, picked as the list says", async (locale) => {
    const script = ((await import(`./client/${locale}.ts`)) as { default: unknown }).default;
    expect(script).toEqual(clientMessages(await loadMessages(locale)));
  });
});