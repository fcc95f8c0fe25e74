// What caused an alert, kept as a key and its arguments (AlertCause.said, Alert.said) and said in
// the reader's language where it is shown: the /alerts list, the Atom feed, e-mail. Alerts made
// before causes were kept this way (said null) show the English sentence they stored. Pure: the
// browser says them too, with next-intl's `alerts.causes` messages.
import { z } from "zod";
import { BANDS, type Band } from "../method/params";

const band = z.enum(BANDS).nullable();
const value = z.number().nullable();

export const causeSaid = z.discriminatedUnion("kind", [
  /** The dyad's band before and after (null: no data), and its index. */
  z.object({ kind: z.literal("band"), from: band, to: band, before: value, after: value }),
  /** A move of `moved` points within `days` days, from `past` to `after`. */
  z.object({ kind: z.literal("move"), moved: z.number(), days: z.number(), past: z.number(), after: z.number() }),
  z.object({ kind: z.literal("unusual"), after: value }),
  /** A new event's Goldstein score, the rule's least |score|, the event's title (as recorded). */
  z.object({ kind: z.literal("eventScore"), score: z.number(), threshold: z.number(), title: z.string() }),
  /** An agreement recorded (created) or changed that the rule's filter (in words) matches. */
  z.object({ kind: z.literal("agreement"), created: z.boolean(), filter: z.string(), title: z.string() }),
  z.object({ kind: z.literal("condition"), starts: z.boolean(), title: z.string() }),
]);
export type CauseSaid = z.infer<typeof causeSaid>;

/** An alert's causes, oldest first: one, or several the cooldown held. */
const alertSaid = z.array(causeSaid).min(1);

/** Where the words of causes are: next-intl's namespace, in the messages of every locale. */
export const CAUSE_NAMESPACE = "alerts.causes";

type CauseKey = "band" | "move" | "unusual" | "eventScore" | "agreementNew" | "agreementChanged" | "conditionStarts" | "conditionEnds" | "grouped" | "none" | "noData" | `bands.${Band}`;

/** A language's words for causes: the `alerts.causes` messages and its number format. */
export interface CauseWords {
  t: (key: CauseKey, args?: Record<string, string | number>) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
}

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

function sayOne(said: CauseSaid, { t, number }: CauseWords): string {
  const points = (v: number | null) => (v === null ? t("none") : number(v, ONE_DECIMAL));
  // The sign always shown, with a true minus (U+2212): "+12.0", "−4.0".
  const signed = (v: number) => `${v >= 0 ? "+" : "−"}${number(Math.abs(v), ONE_DECIMAL)}`;
  const bandName = (b: Band | null) => (b === null ? t("noData") : t(`bands.${b}`));
  switch (said.kind) {
    case "band":
      return t("band", { from: bandName(said.from), to: bandName(said.to), before: points(said.before), after: points(said.after) });
    case "move":
      return t("move", { moved: signed(said.moved), days: said.days, past: points(said.past), after: points(said.after) });
    case "unusual":
      return t("unusual", { after: points(said.after) });
    case "eventScore":
      return t("eventScore", { score: signed(said.score), threshold: number(said.threshold), title: said.title });
    case "agreement":
      return t(said.created ? "agreementNew" : "agreementChanged", { filter: said.filter, title: said.title });
    case "condition":
      return t(said.starts ? "conditionStarts" : "conditionEnds", { title: said.title });
  }
}

/** One alert's causes in the words' language: one as it is, several counted. */
export function sayCauses(causes: readonly CauseSaid[], words: CauseWords): string {
  const said = causes.map((c) => sayOne(c, words));
  const [only] = said;
  return said.length === 1 && only !== undefined ? only : words.t("grouped", { count: said.length, causes: said.join(" ") });
}

/** An alert's cause for its reader; one made before causes were kept structured, as it was written (English). */
export function sayAlertCause(alert: { cause: string; said: unknown }, words: CauseWords): string {
  const parsed = alertSaid.safeParse(alert.said);
  return parsed.success ? sayCauses(parsed.data, words) : alert.cause;
}

/** An alert's stored `said`: every cause's, or null when one of them predates structured causes (then `cause` is shown). */
export function alertSaidOf(causes: readonly { said: unknown }[]): CauseSaid[] | null {
  const said = causes.flatMap((c) => {
    const parsed = causeSaid.safeParse(c.said);
    return parsed.success ? [parsed.data] : [];
  });
  return said.length === causes.length ? said : null;
}
