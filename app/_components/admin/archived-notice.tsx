// The top of an archived record's page, which only admins can open (canReadArchived): that it is
// archived, what that means, and the button that restores it.
import type { ComponentProps, ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ArchiveButton } from "./archive-button";

type Props = Pick<ComponentProps<typeof ArchiveButton>, "domain" | "id" | "version"> & { children: ReactNode };

export async function ArchivedNotice({ domain, id, version, children }: Props) {
  const t = await getTranslations("admin.archived");
  return (
    <section className="notice" aria-label={t("label")}>
      <p className="error">{children}</p>
      <p className="meta">{t("onlyAdmins")}</p>
      <ArchiveButton domain={domain} id={id} version={version} archived />
    </section>
  );
}
