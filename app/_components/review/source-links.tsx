// GDELT report links, by site: opened in a new tab that gets no handle on this page.
export function SourceLinks({ links, className }: { links: { url: string; host: string }[]; className?: string }) {
  if (links.length === 0) return null;
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.url}>
          <a href={link.url} rel="noopener noreferrer" target="_blank">
            {link.host}
          </a>
        </li>
      ))}
    </ul>
  );
}
