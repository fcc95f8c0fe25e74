// The list only: a loading boundary above /agreements/[id] would send its 404 as a 200.
import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("agreements.list");
  return (
    <p aria-busy="true" className="loading">
      {t("loading")}
    </p>
  );
}
