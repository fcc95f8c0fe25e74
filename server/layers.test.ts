// The rules between layers that docs/architecture.md states, checked on the imports themselves:
// the method core stands alone (the browser bundles it), and only the tRPC layer knows tRPC.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.ts$/.test(file) && !file.startsWith("generated"))
    .map((file) => path.join(dir, file));
}

/** Every module specifier a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? "");
}

const relative = (file: string) => path.relative(SERVER, file);

describe("layers", () => {
  it("server/method/ imports nothing but its own modules: no package, database, tRPC or feature folder", () => {
    const offending = sourcesUnder(path.join(SERVER, "method")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith("./"))
        .map((spec) => `${relative(file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("only the tRPC layer (trpc.ts, root.ts, routers, the HTTP endpoint and the server caller) imports tRPC", () => {
    const trpcLayer = /^(trpc|root|caller|api-handler)\.ts$|(^|\/)router\.ts$/;
    const offending = sourcesUnder(SERVER)
      .filter((file) => !trpcLayer.test(relative(file)))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith("@trpc/") || /(^|\/)trpc$/.test(spec))
          .map((spec) => `${relative(file)} imports ${spec}`),
      );
    expect(offending).toEqual([]);
  });
});
