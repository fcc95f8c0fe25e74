import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";

export default async function AgreementNotFound() {
  const t = await getTranslations("agreements.notFound");
  return (
    <div className="panel">
      <h1>{t("title")}</h1>
      <p>{t.rich("body", { list: (chunks) => <Link href="/agreements">{chunks}</Link> })}</p>
    </div>
  );
}
