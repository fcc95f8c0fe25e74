// An agreement as an admin enters it: the form and the procedures share this schema, the
// server checks again what needs the database (the dyad exists).
import { z } from "zod";
import { said } from "../shared/said";
import { AgreementKind, AgreementStatus, PartyKind } from "../generated/prisma/enums";
import { precisionInterval, toDay } from "../method/day";
import { dyadKey, isoDay } from "../scope/schemas";
import { countryCode, datePrecision, placeInput, recordId, sourcesInput, summary, title, version } from "../shared/schemas";

type Named = "sector" | "partyName" | "signatoryName" | "signatoryRole" | "amountLabel";
const text = (max: number, what: Named) => z.string().trim().min(1, said("giveText", { what })).max(max, said("atMostChars", { max }));

export const agreementInput = z
  .object({
    title,
    kind: z.enum(AgreementKind),
    summary: summary.optional(),
    dyad: dyadKey.optional(),
    /** The status it has now; a change is added to its history with this date and note. */
    status: z.enum(AgreementStatus),
    statusDate: isoDay.optional(),
    statusNote: z.string().trim().max(500, said("atMostChars", { max: 500 })).optional(),
    date: isoDay.optional(),
    datePrecision: datePrecision.optional(),
    place: placeInput.optional(),
    sectors: z.array(text(60, "sector")).max(20, said("atMostSectors")).default([]),
    parties: z
      .array(z.object({ name: text(200, "partyName"), kind: z.enum(PartyKind), country: countryCode.optional() }))
      .min(1, said("nameOneParty"))
      .max(30, said("atMostParties")),
    signatories: z
      .array(z.object({ name: text(200, "signatoryName"), role: text(200, "signatoryRole"), onBehalfOf: z.string().trim().max(200).optional() }))
      .max(30, said("atMostSignatories"))
      .default([]),
    amounts: z
      .array(
        z.object({
          amount: z.string().max(40, said("amountFigures")).trim().regex(/^\d{1,18}(\.\d{1,2})?$/, said("amountFigures")),
          currency: z.string().max(10, said("currencyCode")).trim().toUpperCase().optional(),
          label: text(120, "amountLabel"),
          approximate: z.boolean().default(false),
        }),
      )
      .max(10, said("atMostAmounts"))
      .default([]),
    sources: sourcesInput,
  })
  .superRefine((a, ctx) => {
    a.amounts.forEach((m, i) => {
      if (!m.currency) ctx.addIssue({ code: "custom", path: ["amounts", i, "currency"], message: said("moneyNeedsCurrency") });
      else if (!/^[A-Z]{3}$/.test(m.currency)) ctx.addIssue({ code: "custom", path: ["amounts", i, "currency"], message: said("currencyCode") });
    });
    if (a.date && !a.datePrecision) ctx.addIssue({ code: "custom", path: ["datePrecision"], message: said("datePrecision") });
    // Only an anticipated agreement may be dated in the future: the rest have happened.
    if (a.date && a.datePrecision && a.status !== "ANTICIPATED" && precisionInterval(a.date, a.datePrecision).first > toDay(new Date())) {
      ctx.addIssue({ code: "custom", path: ["date"], message: said("futureOnlyAnticipated") });
    }
  });

export type AgreementInput = z.output<typeof agreementInput>;

export const updateAgreementInput = z.object({ id: recordId, version, data: agreementInput });
export const agreementVersionInput = z.object({ id: recordId, version });
