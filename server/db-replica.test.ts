// Read-your-writes across instances: the cookie a write sets, and how long it steers reads.
import { describe, expect, it } from "vitest";
import { READ_YOUR_WRITES_MS, WROTE_COOKIE, wroteCookie, wroteRecently } from "./db-replica";

const withCookie = (cookie: string) => new Headers({ cookie });

describe("wroteRecently", () => {
  it("holds for a few seconds after a write, then lapses", () => {
    const now = 1_800_000_000_000;
    const cookie = wroteCookie(now).split(";")[0] ?? "";
    expect(wroteRecently(withCookie(`session=abc; ${cookie}`), now + 1)).toBe(true);
    expect(wroteRecently(withCookie(cookie), now + READ_YOUR_WRITES_MS - 1)).toBe(true);
    expect(wroteRecently(withCookie(cookie), now + READ_YOUR_WRITES_MS)).toBe(false);
    expect(wroteRecently(new Headers(), now)).toBe(false);
  });

  it("ignores a value the server would not have set: too far ahead, or not a time", () => {
    const now = 1_800_000_000_000;
    expect(wroteRecently(withCookie(`${WROTE_COOKIE}=${now + 60_000}`), now)).toBe(false);
    expect(wroteRecently(withCookie(`${WROTE_COOKIE}=soon`), now)).toBe(false);
  });

  it("is a cookie the browser drops by itself after the window, unreadable by scripts", () => {
    expect(wroteCookie(0)).toBe(`${WROTE_COOKIE}=${READ_YOUR_WRITES_MS}; Max-Age=5; Path=/; HttpOnly; SameSite=Lax`);
  });
});
