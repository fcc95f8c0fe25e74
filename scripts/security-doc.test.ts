// SECURITY.md says, for each requirement, where the code meets it and which test proves it.
// This keeps it from drifting as the code moves: every test it names must still exist under
// that name in that file, every file it points at must still be there, and a row it calls
// "met" must name a test (otherwise it says "met, untested").
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOC = readFileSync(path.join(ROOT, "SECURITY.md"), "utf8");

interface NamedTest {
  file: string;
  title: string;
}

const TEST_FILE = /\.(test|spec)\.tsx?$/;

/**
 * The proofs as the document writes them: `file.test.ts` › "title", where further titles of the
 * same file follow as › "title". A title with no file before it on its line is reported as such.
 */
function namedTests(line: string): NamedTest[] {
  const found: NamedTest[] = [];
  let file = "(no file before this title)";
  for (const match of line.matchAll(/`([^`\s]+)`|›\s*"([^"]+)"/g)) {
    if (match[1] !== undefined && TEST_FILE.test(match[1])) file = match[1];
    if (match[2] !== undefined) found.push({ file, title: match[2] });
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * True when `title` is the literal name of a test or group in `source`: the first argument of
 * it(…), test(…), describe(…) and their modifiers (test.describe, it.only), or of the call that
 * it.each([…]) returns.
 */
function hasTestTitled(source: string, title: string): boolean {
  const literal = `(["'\`])${escapeRegExp(title)}\\1`;
  return new RegExp(`(?:\\b(?:it|test|describe)(?:\\.\\w+)*|\\))\\(\\s*${literal}\\s*,`).test(source);
}

/** Repository paths the document names in backticks: files, so their moves show up here. */
function namedFiles(markdown: string): string[] {
  const paths = [...markdown.matchAll(/`([\w.[\]-]+(?:\/[\w.[\]-]+)*\.(?:ts|tsx|js|mjs|md|json|prisma))`/g)].map((m) => m[1] ?? "");
  return [...new Set(paths)];
}

const lines = DOC.split("\n");
/** The table rows: one per requirement, `| id | requirement | status | where | proof |`. */
const rows = lines.filter((line) => /^\| \d+\.\d+\.\d+ \|/.test(line));
const proofs = rows.flatMap(namedTests);

describe("hasTestTitled", () => {
  const source = [
    'describe("saved views", () => {',
    '  it("are shared only with a team of one\'s own", async () => {',
    '    expect(label).toBe("not a test title", "x");',
    "  it.each([[1, 2]])(\"refuses %s\", (n) => {});",
    '  test.describe("signed in as an analyst", () => {});',
  ].join("\n");

  it("finds the titles of tests, it.each tables and groups, and nothing else", () => {
    expect(hasTestTitled(source, "saved views")).toBe(true);
    expect(hasTestTitled(source, "are shared only with a team of one's own")).toBe(true);
    expect(hasTestTitled(source, "refuses %s")).toBe(true);
    expect(hasTestTitled(source, "signed in as an analyst")).toBe(true);
    expect(hasTestTitled(source, "not a test title")).toBe(false);
    expect(hasTestTitled(source, "are shared only")).toBe(false);
  });
});

describe("SECURITY.md", () => {
  it("names its proofs in the form this test reads", () => {
    expect(proofs.length).toBeGreaterThan(100);
  });

  it("names only tests that exist, under their exact names", () => {
    const missing = proofs.filter(({ file, title }) => {
      const full = path.join(ROOT, file);
      return !existsSync(full) || !hasTestTitled(readFileSync(full, "utf8"), title);
    });
    expect(missing).toEqual([]);
  });

  it("names only files that exist", () => {
    expect(namedFiles(DOC).filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  it("names a test in every row it calls met", () => {
    expect(rows.length).toBeGreaterThan(100);
    const cells = rows.map((row) => row.split(" | "));
    const unproven = cells.filter(([, , status, , ...proof]) => status === "met" && namedTests(proof.join(" | ")).length === 0).map(([id]) => id);
    expect(unproven).toEqual([]);
  });
});
