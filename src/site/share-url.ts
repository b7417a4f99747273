/**
 * The address Copy link and Share give. The canonical URL is the one to share, but only where
 * it opens: a site previewed locally, or served from a host other than the one it was built
 * for (SITE_URL), would hand out an address that leads nowhere. There the reader gets the
 * address they see, without its query and fragment, as the canonical one has none.
 */
export function shareUrl(canonical: string | null | undefined, here: { origin: string; pathname: string }): string {
  if (canonical && URL.canParse(canonical) && new URL(canonical).origin === here.origin) return canonical;
  return `${here.origin}${here.pathname}`;
}
