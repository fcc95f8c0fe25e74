import { describe, expect, it } from "vitest";
import { readNdjson } from "./ndjson";

describe("readNdjson", () => {
  it("hands over each line once whole, however the stream cuts the bytes", async () => {
    const bytes = new TextEncoder().encode('{"n":1}\n{"n":2,"t":"é"}\n{"n":3}');
    const cuts = [0, 3, 9, 15, 20, bytes.length];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 1; i < cuts.length; i++) controller.enqueue(bytes.slice(cuts[i - 1], cuts[i]));
        controller.close();
      },
    });
    const seen: unknown[] = [];
    await readNdjson(body, (line) => seen.push(line));
    expect(seen).toEqual([{ n: 1 }, { n: 2, t: "é" }, { n: 3 }]);
  });
});
