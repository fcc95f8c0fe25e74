// Every refusal is said through `said("key", args)` (server/shared/said.ts), so a reader sees it in
// their language: a sentence written in English where an AppError is made would reach a French or
// Arabic page as it is. This reads the server's sources for the places a refusal is made (new
// AppError, fieldError, new FieldErrors, super in an AppError subclass, a cap's refusal message) and
// fails on a string literal or template there, or on a constant whose value is one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname);

/**
 * Folders other helpers are converting to `said` at the same time: not checked until they are
 * merged. Empty this list then; a folder listed here with no English refusal left fails the test.
 */
const BEING_CONVERTED: string[] = [];

/** Where a quoted string or template that opens at `open` ends (just past its closing quote). */
function endOfQuoted(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (quote !== "`" && c === "\n") return i;
    else if (quote === "`" && c === "$" && text[i + 1] === "{") {
      let depth = 0;
      for (i++; i < text.length; i++) {
        const d = text[i];
        if (d === '"' || d === "'" || d === "`") i = endOfQuoted(text, i) - 1;
        else if (d === "{") depth++;
        else if (d === "}" && --depth === 0) break;
      }
    }
  }
  return text.length;
}

/** Where a regular expression literal that opens at `open` ends, its flags included. */
function endOfRegExp(text: string, open: number): number {
  let inClass = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "\n") return i;
    else if (c === "/" && !inClass) {
      let end = i + 1;
      while (/[a-z]/.test(text[end] ?? "")) end++;
      return end;
    }
  }
  return text.length;
}

/**
 * The source with the inside of its strings, templates and regular expressions, and its comments,
 * blanked (quotes and line breaks kept, so offsets and lines still match): brackets, commas and
 * operators can then be read without meeting one inside a literal.
 */
export function masked(text: string): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let previous = "";
  for (let i = 0; i < text.length; ) {
    const c = text[i] ?? "";
    const next = text[i + 1];
    let end = -1;
    if (c === "/" && next === "/") end = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && next === "*") end = text.indexOf("*/", i + 2) === -1 ? text.length : text.indexOf("*/", i + 2) + 2;
    if (end !== -1) {
      blank(i, end);
      i = end;
      continue;
    }
    const regExp = c === "/" && ("(,=:[!&|?{};".includes(previous) || previous === "" || /\breturn\s*$/.test(text.slice(Math.max(0, i - 10), i)));
    if (c === '"' || c === "'" || c === "`" || regExp) {
      end = regExp ? endOfRegExp(text, i) : endOfQuoted(text, i);
      blank(i + 1, end - 1);
      previous = c;
      i = end;
      continue;
    }
    if (!/\s/.test(c)) previous = c;
    i++;
  }
  return out.join("");
}

const PAIRS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Just past the bracket that closes the one at `open`, in masked text. */
function closing(code: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i] ?? "";
    if (c in PAIRS) stack.push(PAIRS[c] ?? "");
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return code.length;
}

/** Masked `code` split where `separator` (sticky) matches outside brackets. */
function splitTopLevel(code: string, separator: RegExp): string[] {
  const sticky = new RegExp(separator.source, "y");
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    if ((code[i] ?? "") in PAIRS) {
      i = closing(code, i) - 1;
      continue;
    }
    sticky.lastIndex = i;
    const match = sticky.exec(code);
    if (match) {
      parts.push(code.slice(start, i));
      start = i + match[0].length;
      i = start - 1;
    }
  }
  return [...parts, code.slice(start)].map((part) => part.trim());
}

type Constants = (name: string) => string | undefined;

/** True when a masked expression is, or can be, a sentence written in place: a literal, a template, or a constant holding one. */
function isWrittenSentence(expression: string, constants: Constants): boolean {
  if (/^["'`]/.test(expression)) return true;
  // a ? "x" : y, x ?? "y", x || "y", "a" + b; a?.b is no branch.
  const ternary = /^[^?]*\?(?![?.])/.test(expression);
  const branches = splitTopLevel(expression, /\?\?|\|\||\?(?!\.)|:|\+/);
  if (branches.length > 1) return branches.slice(ternary ? 1 : 0).some((branch) => isWrittenSentence(branch, constants));
  if (/^[A-Za-z_$][\w$]*$/.test(expression)) {
    const value = constants(expression);
    return value !== undefined && isWrittenSentence(value, () => undefined);
  }
  return false;
}

/** The masked initialiser of each `const NAME = …;` in masked code, by name. */
function constantsOf(code: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of code.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]+)?=(?!=)\s*/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let end = start;
    while (end < code.length && code[end] !== ";") end = (code[end] ?? "") in PAIRS ? closing(code, end) : end + 1;
    found.set(m[1] ?? "", code.slice(start, end).trim());
  }
  return found;
}

/** Where a refusal's sentence is given: the call up to its parenthesis, and which argument. */
const REFUSALS: { pattern: RegExp; argument: number }[] = [
  { pattern: /\bnew AppError\s*\(/g, argument: 1 },
  { pattern: /(?<!function\s+)\bfieldError\s*\(/g, argument: 2 },
  { pattern: /\bnew FieldErrors\s*\(/g, argument: 0 },
];

/** Each refusal in `source` written as a sentence in place, as "line: the line's text". */
export function writtenRefusals(source: string, constants: Constants): string[] {
  const code = masked(source);
  const where = (index: number) => `${source.slice(0, index).split("\n").length}: ${source.slice(source.lastIndexOf("\n", index) + 1, source.indexOf("\n", index) === -1 ? undefined : source.indexOf("\n", index)).trim()}`;
  const argumentsAt = (open: number) => splitTopLevel(code.slice(open + 1, closing(code, open) - 1), /,/);
  const out: number[] = [];
  for (const { pattern, argument } of REFUSALS) {
    for (const m of code.matchAll(pattern)) {
      const given = argumentsAt((m.index ?? 0) + m[0].length - 1)[argument];
      if (given === undefined) continue;
      // new FieldErrors({ name: ["…"] }): each message in the object's lists.
      const sentences = argument === 0 && given.startsWith("{") ? [...given.matchAll(/\[([^\]]*)\]/g)].flatMap((list) => splitTopLevel(list[1] ?? "", /,/)) : [given];
      if (sentences.some((sentence) => isWrittenSentence(sentence, constants))) out.push(m.index ?? 0);
    }
  }
  // super(code, sentence) in a class that extends AppError
  for (const m of code.matchAll(/\bclass\s+\w+\s+extends\s+AppError\b[^{]*\{/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const body = code.slice(0, closing(code, open));
    for (const s of body.slice(open).matchAll(/\bsuper\s*\(/g)) {
      const at = open + (s.index ?? 0);
      const given = argumentsAt(at + s[0].length - 1)[1];
      if (given !== undefined && isWrittenSentence(given, constants)) out.push(at);
    }
  }
  // A cap's refusal (underCap in server/shared/caps.ts): refusal: { field, message }
  for (const m of code.matchAll(/\brefusal:\s*\{/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const message = splitTopLevel(code.slice(open + 1, closing(code, open) - 1), /,/).find((part) => part.startsWith("message:"));
    if (message && isWrittenSentence(message.slice("message:".length).trim(), constants)) out.push(m.index ?? 0);
  }
  return out.sort((a, b) => a - b).map(where);
}

describe("refusals", () => {
  const files = readdirSync(SERVER, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.ts$/.test(file) && !file.startsWith("generated"))
    .map((file) => {
      const source = readFileSync(path.join(SERVER, file), "utf8");
      return { file, source, constants: constantsOf(masked(source)) };
    });
  // A constant may come from another module (gate.ts's SIGN_IN_MESSAGE): the file's own first, then any exported one.
  const exported = new Map(files.flatMap(({ source, constants }) => [...constants].filter(([name]) => new RegExp(`export\\s+const\\s+${name.replace("$", "\\$")}\\b`).test(source))));
  const written = files.map(({ file, source, constants }) => ({ file, refusals: writtenRefusals(source, (name) => constants.get(name) ?? exported.get(name)) }));
  const folderOf = (file: string) => file.split(path.sep)[0] ?? "";

  it("are said through said(key, args) everywhere in server/, so none reaches a reader in English only", () => {
    const english = written.filter(({ file }) => !BEING_CONVERTED.includes(folderOf(file))).flatMap(({ file, refusals }) => refusals.map((line) => `${file}:${line}`));
    expect(english).toEqual([]);
  });

  it("lists as being converted only folders that still hold an English refusal (empty the list as they are merged)", () => {
    const stillEnglish = new Set(written.filter(({ refusals }) => refusals.length > 0).map(({ file }) => folderOf(file)));
    expect(BEING_CONVERTED.filter((folder) => !stillEnglish.has(folder))).toEqual([]);
  });

  it("finds a sentence written in place, in a template, behind a constant or a branch, and lets said() pass", () => {
    const none = () => undefined;
    const found = (source: string, constants: Constants = none) => writtenRefusals(source, constants).length;
    expect(found(`throw new AppError("NOT_FOUND", "No such note.");`)).toBe(1);
    expect(found("throw new AppError('NOT_FOUND', `No dyad ${key} is recorded`, { cause });")).toBe(1);
    expect(found(`throw fieldError("BAD_REQUEST", "to", ok ? said("rangeOrder") : "the end, (early)");`)).toBe(1);
    expect(found(`throw new AppError("FORBIDDEN", messages.signIn ?? SIGN_IN);`, (name) => (name === "SIGN_IN" ? `"Sign in."` : undefined))).toBe(1);
    expect(found(`throw new FieldErrors({ name: ["Give a name."] });`)).toBe(1);
    expect(found(`class Gone extends AppError {\n  constructor() {\n    super("NOT_FOUND", "Gone.");\n  }\n}`)).toBe(1);
    expect(found("underCap({ db, refusal: { field: \"name\", message: `You have ${max} views.` } });")).toBe(1);

    expect(found(`throw new AppError("NOT_FOUND", said("noSuchNote"));`)).toBe(0);
    expect(found(`// new AppError("NOT_FOUND", "in a comment")\nthrow fieldError("BAD_REQUEST", "to", said("atMostChars", { max: 2 }));`)).toBe(0);
    expect(found(`throw fieldError("BAD_REQUEST", problem?.field ?? "dyad", problem?.message ?? said("noSuchDyad"));`)).toBe(0);
    expect(found(`throw new AppError("FORBIDDEN", messages.signIn ?? SIGN_IN);`, () => `said("signIn")`)).toBe(0);
    expect(found(`export function fieldError(code: AppErrorCode, field: string, message: string) {}`)).toBe(0);
  });
});
