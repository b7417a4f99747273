// Fetches digest day files (src/personal/day-file.ts); a day that cannot be had is left out and counted.
import { decodeDay, type DayPaper } from '../day-file.ts';

export async function readDays(days: string[]): Promise<{ papers: DayPaper[]; missing: string[] }> {
  const results = await Promise.all(
    days.map(async (day) => {
      try {
        const response = await fetch(`${import.meta.env.BASE_URL}digests/${day}.json`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return decodeDay(await response.json());
      } catch (error) {
        console.warn(`Digest day ${day} could not be read:`, error);
        return null;
      }
    }),
  );
  return { papers: results.flatMap((r) => r ?? []), missing: days.filter((_, i) => results[i] === null) };
}

/** A topic's name as the page shows it (a chip linking to it), else one made from its slug. */
export function topicName(slug: string): string {
  const names = document.querySelector<HTMLElement>('[data-topic-names]')?.dataset.topicNames;
  const known = names ? (JSON.parse(names) as Record<string, string>)[slug] : undefined;
  return known ?? document.querySelector(`a[href$="/topics/${CSS.escape(slug)}/"]`)?.textContent?.trim() ?? slug.replace(/-/g, ' ');
}
