// A refusal keeps its English sentence and is shown in the reader's language; nothing else is
// touched, so a message key can never reach a reader.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { speakerFor } from "../i18n/spoken";
import { eventInput } from "../events/schemas";
import { httpUrl } from "./schemas";
import { said } from "./said";

const messagesOf = (result: { error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

describe("said", () => {
  it("says the English sentence, with its arguments", () => {
    expect(said("atMostChars", { max: 2000 })).toBe("at most 2,000 characters");
    expect(said("dyadNotRecorded", { dyad: "FRA-MAR" })).toBe("no dyad FRA-MAR is recorded: an admin must add it first");
  });

  it("is put in French and Arabic where it is shown", () => {
    const [message = ""] = messagesOf(httpUrl.safeParse("javascript:alert(1)"));
    expect(message).toBe("a source link must be an http:// or https:// address");
    expect(speakerFor("fr")(message)).toBe("le lien d'une source doit être une adresse http:// ou https://");
    expect(speakerFor("ar")(message)).toBe("يجب أن يكون رابط المصدر عنوانًا يبدأ بـ http:// أو https://");
    expect(speakerFor("en")(message)).toBe(message);
  });

  it("keeps the arguments a refinement said it with", () => {
    const actor = said("actorInDyad", { first: "FRA", second: "MAR" });
    expect(actor).toBe("the actor must be one of FRA or MAR");
    expect(speakerFor("fr")(actor)).toBe("l'acteur doit être FRA ou MAR");
    expect(speakerFor("fr")(said("actorInDyad", { first: "DZA", second: "FRA" }))).toBe("l'acteur doit être DZA ou FRA");
  });

  it("reaches the shared schemas' messages through a record's schema", () => {
    const result = eventInput.safeParse({ title: "ab" });
    const title = result.error?.issues.find((i) => i.path[0] === "title")?.message ?? "";
    expect(title).toBe("at least 3 characters");
    expect(speakerFor("ar")(title)).toBe("3 أحرف على الأقل");
  });

  it("puts zod's own messages in zod's words for the language", () => {
    const [message = ""] = messagesOf(z.object({ n: z.number() }).safeParse({ n: "3" }));
    expect(message).toBe("Invalid input: expected number, received string");
    expect(speakerFor("fr")(message)).not.toBe(message);
    expect(speakerFor("fr")(message)).toMatch(/nombre/);
  });

  it("passes a message it never said through as it is", () => {
    expect(speakerFor("fr")("errors.atMostChars")).toBe("errors.atMostChars");
    expect(speakerFor("ar")("A sentence from elsewhere.")).toBe("A sentence from elsewhere.");
  });
});
