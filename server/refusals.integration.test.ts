// Refusals reach a French or Arabic reader in their language, over HTTP as the browser meets them:
// a procedure's refusal and its field messages (the tRPC error formatter), the cross-site guard in
// front of tRPC, and Better Auth's sign-in throttle. The language is the request's (the language
// cookie, else Accept-Language); English stays the sentence it was.
import { describe, expect, it } from "vitest";
import { ORIGIN, someAddress, useAuthTestDatabase } from "@/scripts/test/auth";
import { createAuthRouteHandler } from "./auth/route-handler";
import { SIGN_IN_LIMIT } from "./auth/throttle";
import { LOCALE_COOKIE } from "./i18n/locales";

interface TrpcRefusal {
  error: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } };
}

describe("refusals in the reader's language", async () => {
  const t = await useAuthTestDatabase();
  const session = (await t.signIn("analyst@example.com")).get("cookie") ?? "";
  const inFrench = { cookie: `${session}; ${LOCALE_COOKIE}=fr`, origin: ORIGIN };
  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as TrpcRefusal).error.json });

  it("a service's refusal: 404 'No such note.' in English, in French for a French reader", async () => {
    const get = (headers: HeadersInit) => t.api(t.trpcRequest("notes.get", { id: "no-such-note" }, { method: "GET", headers }));
    expect(await refusal(await get({ cookie: session }))).toMatchObject({ status: 404, message: "No such note." });
    expect(await refusal(await get(inFrench))).toMatchObject({ status: 404, message: "Note introuvable." });
    expect(await refusal(await get({ cookie: session, "accept-language": "ar,fr;q=0.8" }))).toMatchObject({ message: "الملاحظة غير موجودة." });
  });

  it("a field refusal from a service: the message and the field's own, in French", async () => {
    const name = `Sahel desk ${Date.now()}`;
    const create = (headers: HeadersInit) => t.api(t.trpcRequest("teams.create", { name }, { headers }));
    expect((await create({ cookie: session, origin: ORIGIN })).status).toBe(200);
    const refused = await refusal(await create(inFrench));
    expect(refused).toMatchObject({ status: 409, message: "Une équipe porte déjà ce nom.", data: { fieldErrors: { name: ["Une équipe porte déjà ce nom."] } } });
  });

  it("an address refused for a news feed says why in French, every part of the sentence", async () => {
    const admin = (await t.signIn("admin@example.com")).get("cookie") ?? "";
    const create = (headers: HeadersInit) => t.api(t.trpcRequest("feeds.create", { url: "http://10.1.2.3/rss", language: "fr", country: "FRA" }, { headers }));
    expect((await refusal(await create({ cookie: admin, origin: ORIGIN }))).data.fieldErrors).toEqual({
      url: ["a feed needs a public address: private, loopback and link-local ones are refused"],
    });
    expect((await refusal(await create({ cookie: `${admin}; ${LOCALE_COOKIE}=fr`, origin: ORIGIN }))).data.fieldErrors).toEqual({
      url: ["un flux exige une adresse publique : les adresses privées, de bouclage et lien-local sont refusées"],
    });
  });

  it("a schema's refusal said with an argument keeps its number, written the French way", async () => {
    const body = "x".repeat(2_001);
    const create = (headers: HeadersInit) => t.api(t.trpcRequest("notes.create", { body, teamId: null, on: { kind: "day", dyad: "FRA-MAR", day: "2025-01-01" } }, { headers }));
    expect((await refusal(await create({ cookie: session, origin: ORIGIN }))).data.fieldErrors).toEqual({ body: ["At most 2,000 characters."] });
    // French groups thousands with a narrow no-break space.
    expect((await refusal(await create(inFrench))).data.fieldErrors).toEqual({ body: [expect.stringMatching(/^2\s000 caractères au plus\.$/)] });
  });

  it("the cross-site guard in front of tRPC answers in the request's language", async () => {
    const response = await t.api(t.trpcRequest("teams.create", { name: "Forged" }, { headers: { cookie: session, origin: "https://evil.example", "accept-language": "fr-FR,fr;q=0.9" } }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Requête intersite refusée : les modifications doivent venir des pages de ce site.");
  });

  it("Better Auth's sign-in throttle answers in the request's language", async () => {
    const handler = createAuthRouteHandler(t.auth, async () => true);
    const address = someAddress();
    const attempt = (password: string) => {
      const request = t.signInRequest({ email: "analyst2@example.com", password }, address);
      request.headers.set("accept-language", "fr");
      return handler(request);
    };
    for (let i = 0; i < SIGN_IN_LIMIT.attempts; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const throttled = await attempt("guess-6");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS", message: "Trop de tentatives de connexion. Patientez quelques minutes, puis réessayez." });
  });
});
