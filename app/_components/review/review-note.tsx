// What saving a record form does under the deployment's REVIEW_REQUIRED, said above the form.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/app/_components/link";

const queueLink = (words: ReactNode) => <Link href="/admin/review#drafts">{words}</Link>;

export function ReviewNote({ required }: { required: boolean }) {
  const t = useTranslations("review.note");
  return required ? (
    <p className="notice">{t.rich("required", { link: queueLink })}</p>
  ) : (
    <p className="meta">{t("optional")}</p>
  );
}
