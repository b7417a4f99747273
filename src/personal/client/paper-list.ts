/**
 * Lists of papers the browser makes (catch-up, saved, watch matches), marked up like the
 * cards the build makes (src/components/PaperCard.astro), so they look, save and take keys alike.
 * Titles come from listings: set as text only, never as HTML.
 */
import { formatDay } from '../../utils/format-date.ts';
import { showSeen } from './seen-marks.ts';
import { topicName } from './day-files.ts';
import { addSaveButtons } from './save-buttons.ts';
// Lists made here take the same keys as the build's (j, k, s, o, ?).
import './keys.ts';

export interface ListedPaper {
  slug: string;
  title: string;
  topics: string[];
  /** Facts for the line under the title: a day with what it is ("listed", "saved"), upvotes, anything else. */
  day?: { label: string; date: string } | null;
  upvotes?: number | null;
  notes?: string[];
}

const base = import.meta.env.BASE_URL;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(paper: ListedPaper, level: 2 | 3): HTMLLIElement {
  const article = element('article', 'paper-card');
  article.dataset.paper = paper.slug;
  const heading = element(`h${level}`, 'paper-card__title');
  const link = element('a', undefined, paper.title);
  link.href = `${base}papers/${paper.slug}/`;
  heading.append(link);
  const meta = element('p', 'paper-card__meta');
  if (paper.day) {
    const time = element('time', undefined, formatDay(paper.day.date));
    time.dateTime = paper.day.date;
    const span = element('span', undefined, paper.day.label ? `${paper.day.label} ` : '');
    span.append(time);
    meta.append(span);
  }
  if (paper.upvotes !== undefined && paper.upvotes !== null) meta.append(Object.assign(element('span', 'upvotes', `▲ ${paper.upvotes}`), { title: 'upvotes' }));
  for (const note of paper.notes ?? []) meta.append(element('span', undefined, note));
  const foot = element('div', 'paper-card__foot');
  if (paper.topics.length > 0) {
    const chips = element('ul', 'chips');
    chips.setAttribute('aria-label', 'Topics');
    for (const topic of paper.topics) {
      const chip = element('a', 'chip', topicName(topic));
      chip.href = `${base}topics/${topic}/`;
      const item = element('li');
      item.append(chip);
      chips.append(item);
    }
    foot.append(chips);
  }
  const slot = element('span', 'save-slot');
  slot.dataset.saveSlot = '';
  foot.append(slot);
  article.append(heading, meta, foot);
  const item = element('li');
  item.append(article);
  return item;
}

/** Fills `list` with cards for the papers, seen ones marked, each with its Save button. */
export function renderPapers(list: HTMLElement, papers: ListedPaper[], seen: Set<string>, level: 2 | 3 = 2): void {
  list.replaceChildren(...papers.map((p) => card(p, level)));
  showSeen([...list.querySelectorAll<HTMLElement>('[data-paper]')], seen);
  void addSaveButtons(list);
}
