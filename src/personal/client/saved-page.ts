/**
 * /saved/: the reader's saved papers, newest saved first, each kept for offline reading; export
 * as JSON or BibTeX, import JSON, and clear everything after a confirmation.
 */
import { bibtexFile } from '../../site/bibtex.ts';
import { formatDay } from '../../utils/format-date.ts';
import { EXPORT_FORMAT, SCHEMA_VERSION } from '../version.ts';
import type { ExportFile, SavedPaper } from '../schema.ts';
import { bySavedAt, mergeImport } from '../saved-list.ts';
import { keepOffline } from './keep-offline.ts';
import { renderPapers } from './paper-list.ts';
import { noticeIfNotKept, savedPapers, seenAmong } from './store.ts';
import { allData, clearAll, writeData } from './transfer.ts';

const root = document.querySelector<HTMLElement>('[data-saved]')!;
const summary = root.querySelector<HTMLElement>('[data-saved-summary]')!;
const list = root.querySelector<HTMLOListElement>('[data-saved-list]')!;
const status = root.querySelector<HTMLElement>('[data-saved-status]')!;
const fileInput = root.querySelector<HTMLInputElement>('[data-import-file]')!;
const confirmBox = root.querySelector<HTMLElement>('[data-clear-box]')!;
const button = (name: string) => root.querySelector<HTMLButtonElement>(`[data-${name}]`)!;

const today = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function show(): Promise<SavedPaper[]> {
  const saved = (await savedPapers()).sort(bySavedAt);
  summary.textContent = saved.length
    ? `${plural(saved.length, 'paper')}, newest saved first. Each is kept for reading offline.`
    : 'Nothing saved yet. Use Save on a paper, in a digest or on its page, to keep it here.';
  renderPapers(
    list,
    saved.map((p) => ({ slug: p.slug, title: p.title, topics: p.topics, day: p.date ? { label: '', date: p.date } : null, notes: [`saved ${formatDay(new Date(p.savedAt).toISOString())}`] })),
    await seenAmong(saved.map((p) => p.slug)),
  );
  for (const name of ['export-json', 'export-bibtex']) button(name).disabled = saved.length === 0;
  // Saved while no worker was running (a first visit, another browser's export): kept now.
  void keepOffline(saved.map((p) => p.slug)).then(showKept);
  return saved;
}

function showKept(paths: string[]): void {
  for (const path of paths) {
    const slug = path.slice('papers/'.length, -1);
    const meta = list.querySelector(`[data-paper="${CSS.escape(slug)}"] .paper-card__meta`);
    if (meta && !meta.querySelector('.offline-mark')) meta.append(Object.assign(document.createElement('span'), { className: 'offline-mark', textContent: 'offline ✓', title: 'Readable offline' }));
  }
}

function download(name: string, type: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

button('export-json').addEventListener('click', async () => {
  const { saved, watch, seen } = await allData();
  const file: ExportFile = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: new Date().toISOString(), saved: saved.sort(bySavedAt), watch, seen };
  download(`paper-digest-${today()}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
  status.textContent = `Exported ${plural(saved.length, 'saved paper')}, ${plural(watch.length, 'watch', 'watches')} and ${plural(seen.length, 'seen mark')}.`;
});

button('export-bibtex').addEventListener('click', async () => {
  const saved = (await savedPapers()).sort(bySavedAt);
  const page = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  download(`paper-digest-${today()}.bib`, 'application/x-bibtex', bibtexFile(saved.map((p) => ({ key: p.slug, title: p.title, authors: null, published: p.date, arxiv: null, url: new URL(`../papers/${p.slug}/`, page).href }))));
  status.textContent = `Exported ${plural(saved.length, 'BibTeX entry', 'BibTeX entries')}.`;
});

button('import').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  const { readExportFile } = await import('../schema.ts');
  const result = readExportFile(await file.text());
  if ('problem' in result) {
    status.textContent = `${file.name} was not imported: ${result.problem}. Choose a file exported from this page.`;
    return;
  }
  const current = await allData();
  const merged = mergeImport(current, result.data);
  const seen = [...new Set([...current.seen, ...result.data.seen])];
  if (!(await writeData({ ...merged, seen }))) return;
  const added = merged.saved.length - current.saved.length;
  // The list first, then the word that it is there: the status speaks of what the page shows.
  await show();
  status.textContent = `Imported ${file.name}: ${plural(added, 'paper')} added${result.data.saved.length > added ? ` (${result.data.saved.length - added} already saved)` : ''}, ${plural(merged.watch.length - current.watch.length, 'watch', 'watches')} added.`;
});

button('clear').addEventListener('click', async () => {
  const { saved, watch, seen } = await allData();
  confirmBox.querySelector('p')!.textContent = `Remove ${plural(saved.length, 'saved paper')}, ${plural(watch.length, 'watch', 'watches')} and ${plural(seen.length, 'seen mark')} from this browser? Export first to keep a copy.`;
  confirmBox.hidden = false;
  button('clear-cancel').focus();
});
button('clear-cancel').addEventListener('click', () => {
  confirmBox.hidden = true;
  button('clear').focus();
});
button('clear-yes').addEventListener('click', async () => {
  confirmBox.hidden = true;
  if (await clearAll()) status.textContent = 'Cleared: nothing of yours is kept in this browser any more.';
  await show();
  button('clear').focus();
});

root.hidden = false;
void noticeIfNotKept();
void show();
