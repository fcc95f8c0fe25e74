import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";

export default async function Forbidden() {
  const t = await getTranslations("states.forbidden");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {t("body")} <Link href="/">{t("back")}</Link>.
      </p>
    </>
  );
}
