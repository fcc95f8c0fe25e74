// Route handlers answer an app error with its status, in their own family's body, never cached.
import { describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "../shared/errors";
import { databaseUnavailable } from "../shared/unavailable";
import { answering, errorResponse, HTTP_STATUS, trpcDialect, unavailableResponse } from "./errors";

describe("errorResponse", () => {
  it("maps each code to its HTTP status, every one a refusal or an outage", () => {
    const statusOf = (code: AppErrorCode) => errorResponse(new AppError(code, "no")).status;
    expect([statusOf("BAD_REQUEST"), statusOf("UNAUTHORIZED"), statusOf("FORBIDDEN"), statusOf("NOT_FOUND")]).toEqual([400, 401, 403, 404]);
    expect([statusOf("CONFLICT"), statusOf("UNPROCESSABLE_CONTENT"), statusOf("SERVICE_UNAVAILABLE")]).toEqual([409, 422, 503]);
    for (const status of Object.values(HTTP_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
  });

  it("words the body in the route's dialect: a sentence by default, tRPC's shape where its client reads it", async () => {
    const refusal = new AppError("FORBIDDEN", "Only admins may import.");
    const plain = errorResponse(refusal);
    expect(await plain.json()).toEqual({ error: "Only admins may import." });
    expect(plain.headers.get("cache-control")).toBe("no-store");
    expect(await errorResponse(refusal, trpcDialect).json()).toEqual({ error: { message: "Only admins may import.", code: "FORBIDDEN" } });
  });

  it("adds the dialect's headers", () => {
    const response = errorResponse(new AppError("UNAUTHORIZED", "token?"), { body: () => ({}), headers: () => ({ "WWW-Authenticate": "Bearer" }) });
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });
});

describe("unavailableResponse", () => {
  it("is a 503 with the reason and when to retry", async () => {
    const response = unavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toEqual({ error: "unavailable", reason: "The database is unavailable; try again shortly." });
  });
});

describe("answering", () => {
  it("passes a handler's response through", async () => {
    expect((await answering(async () => new Response("ok"))).status).toBe(200);
  });

  it("answers an app error with its status, and an outage (however wrapped) with 503", async () => {
    const refused = await answering(() => Promise.reject(new AppError("NOT_FOUND", "No such thing.")));
    expect([refused.status, await refused.json()]).toEqual([404, { error: "No such thing." }]);
    const refusedConnection = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect((await answering(() => Promise.reject(new Error("query failed", { cause: refusedConnection })))).status).toBe(503);
    expect((await answering(() => Promise.reject(databaseUnavailable()))).status).toBe(503);
  });

  it("lets a bug propagate, to be logged as one", async () => {
    await expect(answering(() => Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
  });
});
