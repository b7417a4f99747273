/** The reading list: its order, and how an imported file joins it. */
import type { ExportFile, SavedPaper } from './schema.ts';
import type { PersonalData } from './stored.ts';
import { ruleKey } from './watch.ts';

/** Newest saved first. */
export function bySavedAt(a: SavedPaper, b: SavedPaper): number {
  return b.savedAt - a.savedAt || a.title.localeCompare(b.title);
}

/**
 * An imported file added to what is there: papers and watches the reader already has stay as
 * they are, the file's others join them; nothing is lost either way.
 */
export function mergeImport(current: Pick<PersonalData, 'saved' | 'watch'>, file: ExportFile): Pick<PersonalData, 'saved' | 'watch'> {
  const slugs = new Set(current.saved.map((p) => p.slug));
  const rules = new Set(current.watch.map(ruleKey));
  const saved = [...current.saved, ...file.saved.filter((p) => !slugs.has(p.slug) && slugs.add(p.slug))].sort(bySavedAt);
  const watch = [...current.watch, ...file.watch.filter((r) => !rules.has(ruleKey(r)) && rules.add(ruleKey(r)))];
  return { saved, watch };
}
