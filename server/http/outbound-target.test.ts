import { describe, expect, it } from "vitest";
import { isPrivateAddress, refusedTargetUrl, type TargetRules } from "./outbound-target";

describe("isPrivateAddress", () => {
  it("refuses private, loopback, link-local and mapped ones", () => {
    for (const a of ["10.1.2.3", "127.0.0.1", "169.254.169.254", "172.16.0.1", "192.168.1.1", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "not-an-ip"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });
  it("lets public ones through", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});

const refusedWebhookUrl = (url: string, { allowLocalHttp }: { allowLocalHttp: boolean }) => refusedTargetUrl(url, { schemes: "https", allowLoopback: allowLocalHttp });

describe("refusedTargetUrl for webhooks (https only)", () => {
  const dev = { allowLocalHttp: true };
  it("takes https to a public address, and http to 127.0.0.1 only outside production", async () => {
    expect(await refusedWebhookUrl("https://8.8.8.8/hook", dev)).toBeNull();
    expect(await refusedWebhookUrl("http://127.0.0.1:8080/hook", dev)).toBeNull();
    expect(await refusedWebhookUrl("http://127.0.0.1:8080/hook", { allowLocalHttp: false })).toBe("https");
  });
  it("refuses http elsewhere, private and loopback targets, credentials and nonsense", async () => {
    expect(await refusedWebhookUrl("http://8.8.8.8/hook", dev)).toBe("https");
    expect(await refusedWebhookUrl("https://10.0.0.5/hook", dev)).toBe("public");
    expect(await refusedWebhookUrl("https://[::1]/hook", dev)).toBe("public");
    expect(await refusedWebhookUrl("https://127.0.0.1/hook", { allowLocalHttp: false })).toBe("public");
    expect(await refusedWebhookUrl("https://localhost/hook", dev)).toMatch(/^(public|resolvable)$/);
    expect(await refusedWebhookUrl("https://user:pw@8.8.8.8/", dev)).toBe("noCredentials");
    expect(await refusedWebhookUrl("not a url", dev)).toBe("https");
  });
});

describe("refusedTargetUrl for news feeds (http or https)", () => {
  const production: TargetRules = { schemes: "http-or-https", allowLoopback: false };
  it("takes http and https to public addresses", async () => {
    expect(await refusedTargetUrl("http://8.8.8.8/rss.xml", production)).toBeNull();
    expect(await refusedTargetUrl("https://8.8.8.8/rss.xml", production)).toBeNull();
  });
  it("refuses internal addresses, other schemes, and loopback unless allowed", async () => {
    expect(await refusedTargetUrl("http://169.254.169.254/latest/meta-data/", production)).toBe("public");
    expect(await refusedTargetUrl("http://10.0.0.5/rss", production)).toBe("public");
    expect(await refusedTargetUrl("http://127.0.0.1:8080/rss", production)).toBe("public");
    expect(await refusedTargetUrl("http://127.0.0.1:8080/rss", { ...production, allowLoopback: true })).toBeNull();
    expect(await refusedTargetUrl("ftp://8.8.8.8/rss", production)).toBe("httpOrHttps");
  });
  it("without resolving, judges literal addresses and localhost only", async () => {
    const atSave: TargetRules = { ...production, resolve: false };
    expect(await refusedTargetUrl("https://quotidien.example/rss.xml", atSave)).toBeNull();
    expect(await refusedTargetUrl("http://localhost:8080/rss", atSave)).toBe("public");
    expect(await refusedTargetUrl("http://[::1]/rss", atSave)).toBe("public");
    expect(await refusedTargetUrl("http://192.168.1.1/rss", atSave)).toBe("public");
  });
});
