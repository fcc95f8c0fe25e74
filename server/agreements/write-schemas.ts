// An agreement as an admin enters it: the form and the procedures share this schema, the
// server checks again what needs the database (the dyad exists).
import { z } from "zod";
import { AgreementKind, AgreementStatus, PartyKind } from "../generated/prisma/enums";
import { precisionInterval, toDay } from "../method/day";
import { dyadKey, isoDay } from "../scope/schemas";
import { countryCode, datePrecision, placeInput, recordId, sourcesInput, summary, title, version } from "../shared/schemas";

const text = (max: number, what: string) => z.string().trim().min(1, `give the ${what}`).max(max, `at most ${max} characters`);

export const agreementInput = z
  .object({
    title,
    kind: z.enum(AgreementKind),
    summary: summary.optional(),
    dyad: dyadKey.optional(),
    /** The status it has now; a change is added to its history with this date and note. */
    status: z.enum(AgreementStatus),
    statusDate: isoDay.optional(),
    statusNote: z.string().trim().max(500, "at most 500 characters").optional(),
    date: isoDay.optional(),
    datePrecision: datePrecision.optional(),
    place: placeInput.optional(),
    sectors: z.array(text(60, "sector")).max(20, "at most 20 sectors").default([]),
    parties: z
      .array(z.object({ name: text(200, "party's name"), kind: z.enum(PartyKind), country: countryCode.optional() }))
      .min(1, "name at least one party")
      .max(30, "at most 30 parties"),
    signatories: z
      .array(z.object({ name: text(200, "signatory's name"), role: text(200, "signatory's role"), onBehalfOf: z.string().trim().max(200).optional() }))
      .max(30, "at most 30 signatories")
      .default([]),
    amounts: z
      .array(
        z.object({
          amount: z.string().max(40, "an amount in figures, e.g. 100000000 or 2.5").trim().regex(/^\d{1,18}(\.\d{1,2})?$/, "an amount in figures, e.g. 100000000 or 2.5"),
          currency: z.string().max(10, "a three-letter currency code, e.g. EUR").trim().toUpperCase().optional(),
          label: text(120, "what the amount is (loan, capital…)"),
          approximate: z.boolean().default(false),
        }),
      )
      .max(10, "at most 10 amounts")
      .default([]),
    sources: sourcesInput,
  })
  .superRefine((a, ctx) => {
    a.amounts.forEach((m, i) => {
      if (!m.currency) ctx.addIssue({ code: "custom", path: ["amounts", i, "currency"], message: "money needs a currency (EUR, MAD…)" });
      else if (!/^[A-Z]{3}$/.test(m.currency)) ctx.addIssue({ code: "custom", path: ["amounts", i, "currency"], message: "a three-letter currency code, e.g. EUR" });
    });
    if (a.date && !a.datePrecision) ctx.addIssue({ code: "custom", path: ["datePrecision"], message: "say how precise the date is" });
    // Only an anticipated agreement may be dated in the future: the rest have happened.
    if (a.date && a.datePrecision && a.status !== "ANTICIPATED" && precisionInterval(a.date, a.datePrecision).first > toDay(new Date())) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "a future date is only for an anticipated agreement" });
    }
  });

export type AgreementInput = z.output<typeof agreementInput>;

export const updateAgreementInput = z.object({ id: recordId, version, data: agreementInput });
export const agreementVersionInput = z.object({ id: recordId, version });
