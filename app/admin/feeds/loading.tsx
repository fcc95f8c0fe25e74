import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("adminPages.feeds");
  return (
    <p aria-busy="true" className="loading">
      {t("loading")}
    </p>
  );
}
