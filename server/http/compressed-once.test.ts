import { AsyncLocalStorage } from "node:async_hooks";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { requestOutcomes, type RequestOutcome } from "../shared/request-outcome";
import { shared } from "../shared/shared-answer";
import { compressedOnce, ENCODED_BODY_HEADER, noteAnswer } from "./compressed-once";

// Our HTTP server's per-request store, as server/http/node-server.ts sets it up.
const store = (requestOutcomes.maghrebRequestOutcomes ??= new AsyncLocalStorage<RequestOutcome>());
const onOurServer = <R>(serve: () => R): R => store.run({ databaseRefusal: null, checkouts: 0 }, serve);

const URL_OF = "http://localhost:3000/api/trpc/relations.series?input=%7B%7D";
const get = (url = URL_OF, headers: Record<string, string> = { "accept-encoding": "gzip, deflate" }) => new Request(url, { headers });

/** A procedure answering `values` as tRPC would, with a body that counts whether it was read. */
function procedure(values: unknown[], status = 200) {
  const reads = { pulled: 0, cancelled: 0 };
  const respond = async () => {
    for (const value of values) noteAnswer(value);
    const text = JSON.stringify({ result: { data: { json: values[0] } } });
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        reads.pulled++;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
      cancel() {
        reads.cancelled++;
      },
    }, { highWaterMark: 0 }); // pulled only when read
    return new Response(body, { status, headers: { "content-type": "application/json", "set-cookie": "wrote=1" } });
  };
  return { respond, reads, text: JSON.stringify({ result: { data: { json: values[0] } } }) };
}

const decoded = async (response: Response) => gunzipSync(Buffer.from(await response.arrayBuffer())).toString();

describe("a shared answer's body", () => {
  it("is gzipped by the first request and the same bytes sent to the next, whose own body is never read", async () => {
    const answer = shared({ dyads: [{ key: "FRA-MAR", points: [{ day: "2026-11-30", index: 12.5 }] }] });
    const first = procedure([answer]);
    const one = await onOurServer(() => compressedOnce(get(), first.respond));
    expect(one.headers.get(ENCODED_BODY_HEADER)).toBe("gzip");
    expect(one.headers.get("vary")).toContain("accept-encoding");
    expect(one.headers.get("set-cookie")).toBe("wrote=1");
    const oneBytes = Buffer.from(await one.clone().arrayBuffer());
    expect(await decoded(one)).toBe(first.text);

    const second = procedure([answer]);
    const two = await onOurServer(() => compressedOnce(get(), second.respond));
    expect(Buffer.from(await two.arrayBuffer())).toEqual(oneBytes);
    expect(second.reads).toEqual({ pulled: 0, cancelled: 1 });
  });

  it("is kept per envelope: a batch of one is not a single call", async () => {
    const answer = shared({ value: 1 });
    const single = await onOurServer(() => compressedOnce(get(), procedure([answer]).respond));
    const batch = procedure([answer]);
    const batched = await onOurServer(() => compressedOnce(get(`${URL_OF}&batch=1`), batch.respond));
    expect(batch.reads.pulled).toBe(1);
    expect(await decoded(batched)).toBe(await decoded(single));
  });

  it("a new answer (after a write) is compressed anew", async () => {
    const before = await onOurServer(() => compressedOnce(get(), procedure([shared({ index: 1 })]).respond));
    const after = procedure([shared({ index: 2 })]);
    const now = await onOurServer(() => compressedOnce(get(), after.respond));
    expect(after.reads.pulled).toBe(1);
    const [was, is] = [await decoded(before), await decoded(now)];
    expect(is).not.toBe(was);
    expect(is).toBe(after.text);
  });
});

describe("any other response goes out as it came", () => {
  const answer = shared({ value: 1 });
  const post = new Request(URL_OF, { method: "POST", headers: { "accept-encoding": "gzip" }, body: "{}" });
  const cases: [name: string, req: Request, values: unknown[], status: number, served: <R>(serve: () => R) => R][] = [
    ["an answer not shared", get(), [{ value: 1 }], 200, onOurServer],
    ["a batch of two answers", get(`${URL_OF}&batch=1`), [answer, answer], 200, onOurServer],
    ["an error", get(), [answer], 404, onOurServer],
    ["a client that takes no gzip", get(URL_OF, { "accept-encoding": "identity" }), [answer], 200, onOurServer],
    ["a streamed batch", get(URL_OF, { "accept-encoding": "gzip", "trpc-accept": "application/jsonl" }), [answer], 200, onOurServer],
    ["a mutation", post, [answer], 200, onOurServer],
    ["a request outside our HTTP server", get(), [answer], 200, (serve) => serve()],
  ];
  it.each(cases)("%s", async (_, req, values, status, served) => {
    const { respond, text } = procedure(values, status);
    const response = await served(() => compressedOnce(req, respond));
    expect(response.headers.get(ENCODED_BODY_HEADER)).toBeNull();
    expect(await response.text()).toBe(text);
  });
});
