import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";

export default async function NotFound() {
  const t = await getTranslations("states.notFound");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {t("body")} <Link href="/">{t("back")}</Link>.
      </p>
    </>
  );
}
