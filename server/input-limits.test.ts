// Every string and list a procedure accepts has a ceiling, so no input can make the server
// validate, store or search megabytes. Walks each procedure's input schema (as JSON Schema),
// so a procedure added later is checked without touching this file.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allProcedures } from "@/scripts/test/procedures";
import { appRouter } from "./root";

type JsonSchema = { [key: string]: unknown };

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/** Each string without maxLength, list without maxItems, record without maxProperties, by path (`input.data.sources[].url`). */
function unboundedPaths(schema: JsonSchema, path = "input"): string[] {
  const found: string[] = [];
  const type = schema.type;
  const isOpenString = type === "string" && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined;
  if (isOpenString) found.push(`${path}: string without maxLength`);
  if (type === "array" && schema.maxItems === undefined) found.push(`${path}: list without maxItems`);
  if (isSchema(schema.items)) found.push(...unboundedPaths(schema.items, `${path}[]`));
  if (isSchema(schema.properties)) {
    for (const [key, child] of Object.entries(schema.properties)) if (isSchema(child)) found.push(...unboundedPaths(child, `${path}.${key}`));
  }
  if (isSchema(schema.additionalProperties)) {
    if (schema.maxProperties === undefined) found.push(`${path}: record without maxProperties`);
    found.push(...unboundedPaths(schema.additionalProperties, `${path}{}`));
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options)) for (const option of options) if (isSchema(option)) found.push(...unboundedPaths(option, path));
  }
  return found;
}

describe("procedure inputs", () => {
  it("finds an unbounded string or list when there is one", () => {
    const loose = z.object({ name: z.string(), tags: z.array(z.string().max(5)), nested: z.object({ notes: z.array(z.string()).max(3) }) });
    expect(unboundedPaths(z.toJSONSchema(loose, { io: "input" }))).toEqual(["input.name: string without maxLength", "input.tags: list without maxItems", "input.nested.notes[]: string without maxLength"]);
  });

  it("walks every procedure of the router", () => {
    expect(allProcedures().map((p) => p.path).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it.each(allProcedures().map((p) => [p.path, p.inputs] as const))("%s bounds every string and list", (_path, inputs) => {
    for (const input of inputs) {
      expect(unboundedPaths(z.toJSONSchema(input, { io: "input", unrepresentable: "any" }))).toEqual([]);
    }
  });
});
