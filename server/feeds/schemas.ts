import { z } from "zod";
import { eventInput } from "../events/schemas";
import { countryCode, recordId } from "../shared/schemas";

export const FEED_LANGUAGES = ["fr", "en", "ar"] as const;
export type FeedLanguage = (typeof FEED_LANGUAGES)[number];

export const HEADLINE_STATUSES = ["NEW", "USED", "DISMISSED"] as const;

/** A feed as an admin registers it; the form and the procedure share this schema. */
export const feedInput = z.object({
  url: z
    .string()
    .trim()
    .min(1, "give the feed's address")
    .max(2000, "at most 2,000 characters")
    .refine((url) => URL.canParse(url) && ["http:", "https:"].includes(new URL(url).protocol), "a feed address starts with http:// or https://"),
  language: z.enum(FEED_LANGUAGES, { error: "choose French, English or Arabic" }),
  country: countryCode,
});
export type FeedInput = z.infer<typeof feedInput>;

export const feedIdInput = z.object({ id: recordId });
export const setFeedActiveInput = z.object({ id: recordId, active: z.boolean() });

export const HEADLINES_PER_PAGE = 50;

export const headlinesInput = z.object({
  feedId: recordId.optional(),
  country: countryCode.optional(),
  status: z.enum(HEADLINE_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const headlineIdInput = z.object({ id: recordId });

/** The event form's values, saved from a headline: the headline is marked as used by that event. */
export const eventFromHeadlineInput = z.object({ headlineId: recordId, data: eventInput });

const keyword = z
  .string()
  .trim()
  .min(2, "a keyword has at least 2 characters")
  .max(60, "a keyword has at most 60 characters")
  .refine((k) => !k.slice(0, -1).includes("*"), "a * may only end a keyword")
  .refine((k) => /[\p{L}\p{N}]/u.test(k), "a keyword needs a letter");
const keywordList = z.array(keyword).max(40, "at most 40 keywords per language");

export const countryKeywordsInput = z.object({ country: countryCode, fr: keywordList, en: keywordList, ar: keywordList });
export type CountryKeywordsInput = z.infer<typeof countryKeywordsInput>;

/** One keyword a line, as the keyword form's text areas hold them; a refusal names its line. */
const keywordLines = z
  .string()
  .max(4000, "at most 4,000 characters")
  .transform((text, ctx) => {
    const list = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const checked = keywordList.safeParse(list);
    if (checked.success) return checked.data;
    const [issue] = checked.error.issues;
    const line = typeof issue?.path[0] === "number" ? `line ${issue.path[0] + 1}: ` : "";
    ctx.addIssue({ code: "custom", message: `${line}${issue?.message ?? "check the keywords"}` });
    return z.NEVER;
  });

/** The keyword form's schema: its text areas become the lists countryKeywordsInput checks again on the server. */
export const countryKeywordsForm = z.object({ country: countryCode, fr: keywordLines, en: keywordLines, ar: keywordLines });
