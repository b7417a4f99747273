/**
 * Links into the search page with a filter set, for "search within this topic", "… this day"
 * and "… this organisation": the values are the slugs the index holds (record.ts).
 */
import { organisationSlug } from './record.ts';

export interface SearchWithin {
  topic?: string;
  day?: string;
  /** An organisation's name, as the paper files give it. */
  organisation?: string;
}

/** `<base>search/?topic=vision`: the search page opens with that filter set. */
export function searchWithin(base: string, within: SearchWithin): string {
  const params = new URLSearchParams();
  if (within.topic) params.set('topic', within.topic);
  if (within.day) params.set('day', within.day);
  if (within.organisation) params.set('organisation', organisationSlug(within.organisation));
  return `${base}search/?${params}`;
}
