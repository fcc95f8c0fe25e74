// Staleness and coverage of a value, in text with its numbers: the stale mark is words, not a colour.
import { getTranslations } from "next-intl/server";
import type { Coverage } from "@/server/method/coverage";
import { coverageSentence } from "./format-index";

export async function CoverageNote({ coverage }: { coverage: Coverage }) {
  const t = await getTranslations("relations");
  return (
    <>
      <p className="meta coverage">{coverageSentence(t, coverage)}</p>
      {coverage.stale && (
        <p className="stale-note">
          <strong>{t("coverage.stale")}</strong>
        </p>
      )}
    </>
  );
}
