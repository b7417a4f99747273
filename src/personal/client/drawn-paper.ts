/**
 * A paper drawn by the not-found page (src/site/client/paper-view.ts, for a paper without a page
 * of its own): marked seen, with its Save button, as on its page. The watch toggles of its topics
 * are left to its page's own script, which the not-found page does not load: sharing it would add
 * a file to every paper page's scripts (their 5 KB budget, docs/personal.md).
 */
import { addSaveButtons } from './save-buttons.ts';
import { markSeen } from './store.ts';

document.addEventListener('paper-digest:drawn', (event) => {
  const root = event.target as Element;
  const slug = root.querySelector<HTMLElement>('article[data-paper]')?.dataset.paper;
  if (!slug) return;
  void markSeen([slug]);
  void addSaveButtons(root);
});
