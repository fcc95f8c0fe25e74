// Renderers for the tags of rich messages (t.rich("…<link>words</link>…", { link: linkTag(href) })),
// made once here so that no page defines a component while it renders.
import type { ReactNode } from "react";
import { Link } from "./link";

export const linkTag = (href: string) => (chunks: ReactNode) => <Link href={href}>{chunks}</Link>;

export const anchorTag = (href: string) => (chunks: ReactNode) => <a href={href}>{chunks}</a>;

export const buttonTag = (onClick: () => void) => (chunks: ReactNode) => (
  <button type="button" onClick={onClick}>
    {chunks}
  </button>
);

/** User data inside a sentence: isolated, in its own direction. */
export const bdiTag = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

/** Code and addresses read left to right in every language. */
export const codeTag = (chunks: ReactNode) => <code dir="ltr">{chunks}</code>;
