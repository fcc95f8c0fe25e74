import { getTranslations } from "next-intl/server";
import { linkTag } from "@/app/_components/rich-tags";

export default async function AgreementNotFound() {
  const t = await getTranslations("agreements.notFound");
  return (
    <div className="panel">
      <h1>{t("title")}</h1>
      <p>{t.rich("body", { list: linkTag("/agreements") })}</p>
    </div>
  );
}
