// The build's loader for messages/<locale>/<namespace>.json: each ICU message compiled ahead
// (icu-minify, what next-intl's `precompile` uses), so pages and the browser format without
// parsing ICU, and the browser's scripts carry no ICU parser. The file stays JSON (next.config.js
// keeps its module type), so an import `with { type: "json" }` reads it too. Tests, jobs and
// scripts run outside the build and read the files as text, formatted by use-intl's full formatter.
import compile from "icu-minify/compile";

/** The same tree, each message compiled. */
export function precompileMessages(tree) {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? compile(value) : precompileMessages(value)]));
}

export default function precompileLoader(source) {
  return JSON.stringify(precompileMessages(JSON.parse(source)));
}
