/**
 * A digest day's list (src/components/DigestList.astro): papers the reader scrolls past are
 * marked seen, and papers matching the watchlist are highlighted, matched on the day's file.
 */
import { describeRule, matchingRules } from '../watch-match.ts';
import { readDays, topicName } from './day-files.ts';
import { paperElements } from './paper-facts.ts';
import { markSeen, watchRules } from './store.ts';

const WRITE_AFTER_MS = 400;

/** A paper counts as seen once it has been on screen and then left it at the top. */
function markScrolledPast(list: HTMLElement): void {
  const shown = new WeakSet<Element>();
  const passed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    if (passed.size === 0) return;
    void markSeen([...passed]);
    passed.clear();
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) shown.add(entry.target);
      else if (shown.has(entry.target) && entry.boundingClientRect.bottom <= (entry.rootBounds?.top ?? 0)) {
        passed.add((entry.target as HTMLElement).dataset.paper!);
        observer.unobserve(entry.target);
      }
    }
    clearTimeout(timer);
    if (passed.size > 0) timer = setTimeout(write, WRITE_AFTER_MS);
  });
  for (const paper of paperElements(list)) observer.observe(paper);
  addEventListener('pagehide', write);
}

async function highlightWatched(list: HTMLElement, day: string): Promise<void> {
  const rules = await watchRules();
  if (rules.length === 0) return;
  const { papers } = await readDays([day]);
  const cards = new Map(paperElements(list).map((c) => [c.dataset.paper!, c]));
  for (const paper of papers) {
    const matched = matchingRules(rules, paper);
    const card = cards.get(paper.slug);
    if (matched.length === 0 || !card) continue;
    card.dataset.watched = '';
    const note = document.createElement('a');
    note.className = 'watch-mark';
    note.href = `${import.meta.env.BASE_URL}watch/`;
    note.textContent = `Watching ${matched.map((r) => describeRule(r, topicName)).join(', ')}`;
    card.prepend(note);
  }
}

for (const list of document.querySelectorAll<HTMLElement>('[data-digest-day]')) {
  markScrolledPast(list);
  void highlightWatched(list, list.dataset.digestDay!);
}
