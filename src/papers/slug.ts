/**
 * Slugs are a paper's shareable URL, so they are chosen once, when the paper is first
 * ingested, and never recomputed. A clash with another paper's slug is resolved by a
 * suffix derived from the title key, not from ingest order, so the same papers get the
 * same slugs whatever order their listings arrive in.
 */
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

const MAX_LENGTH = 80;

export function baseSlug(title: string): string {
  const full = slugify(title, { decamelize: false });
  if (full.length <= MAX_LENGTH) return full;
  const cut = full.slice(0, MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_LENGTH);
}

/** Who holds a slug: a paper (by title key), or a file too broken to tell whose it is. */
export type SlugOwner = { kind: 'paper'; titleKey: string } | { kind: 'broken' };

/**
 * @param owner tells who holds a slug, or undefined if it is free.
 */
export function chooseSlug(title: string, key: string, owner: (slug: string) => SlugOwner | undefined): string {
  const base = baseSlug(title);
  const hash = createHash('sha256').update(key).digest('hex');
  const candidates = base === '' ? [] : [base];
  for (let n = 6; n <= hash.length; n += 4) candidates.push(base === '' ? `paper-${hash.slice(0, n)}` : `${base}-${hash.slice(0, n)}`);
  for (const slug of candidates) {
    const holder = owner(slug);
    if (holder === undefined || (holder.kind === 'paper' && holder.titleKey === key)) return slug;
  }
  throw new Error(`no free slug for "${title}"`);
}
