import { describe, expect, it } from "vitest";
import { describeTokenState, tokenState } from "./state";

const now = new Date("2026-11-29T12:00:00Z");
const live = { expiresAt: new Date("2027-02-27T12:00:00Z"), revokedAt: null, revokedReason: null };

describe("a feed token's state", () => {
  it("is active until it expires, expired from that instant on", () => {
    expect(tokenState(live, now)).toBe("active");
    expect(describeTokenState(live, now)).toBe("active until 2027-02-27");
    expect(tokenState(live, live.expiresAt)).toBe("expired");
    expect(describeTokenState(live, new Date("2027-03-01T00:00:00Z"))).toBe("expired 2027-02-27");
  });

  it("is revoked, with the reason, whatever its expiry", () => {
    const revoked = { ...live, revokedAt: new Date("2026-11-20T08:00:00Z"), revokedReason: "password changed" };
    expect(tokenState(revoked, now)).toBe("revoked");
    expect(describeTokenState(revoked, now)).toBe("revoked 2026-11-20 (password changed)");
    expect(describeTokenState({ ...revoked, revokedReason: null }, now)).toBe("revoked 2026-11-20");
  });
});
