// npm run backtest -- --reference FILE.csv [--write-doc docs/validation.md]
// Compares the index's monthly directions on the seeded record with a reference list, under
// the current method, the previous one and the naive Goldstein baseline (scripts/backtest/run.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { trackedDyads } from "../prisma/seed/data";
import { seededRecord } from "./backtest/record";
import { readReference } from "./backtest/reference";
import { backtestMarkdown, withReportBlock } from "./backtest/run";

const { values } = parseArgs({ options: { reference: { type: "string" }, "write-doc": { type: "string" } } });
if (!values.reference) {
  console.error("Usage: npm run backtest -- --reference FILE.csv [--write-doc docs/validation.md]");
  process.exit(2);
}
const report = backtestMarkdown(seededRecord(), readReference(values.reference, trackedDyads));
console.log(report);
const doc = values["write-doc"];
if (doc) {
  writeFileSync(doc, withReportBlock(readFileSync(doc, "utf8"), report));
  console.log(`\nWrote the report into ${doc}.`);
}
