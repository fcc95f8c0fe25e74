import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it("keeps the reader's stored choice over the browser's", () => {
    expect(negotiateLocale({ cookie: "ar", acceptLanguage: "fr-FR,fr;q=0.9" })).toBe("ar");
  });

  it("reads the browser's languages by preference, regional variants included", () => {
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8" })).toBe("fr");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "de-DE, ar-DZ;q=0.7, en;q=0.5" })).toBe("ar");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "fr-CA" })).toBe("fr");
  });

  it("falls back to English for a language it does not speak, a forged cookie or no header", () => {
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "de-DE,de;q=0.9" })).toBe("en");
    expect(negotiateLocale({ cookie: "../../etc/passwd", acceptLanguage: null })).toBe("en");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "" })).toBe("en");
  });
});
