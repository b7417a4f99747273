// One search result as a paper card, like the site's lists show papers (PaperCard.astro):
// title, date, organisation or first authors, upvotes, code badge, the excerpt of the
// abstract, topics.
// Result text comes from listings, so it is only ever inserted as text (or as <mark>
// elements built here), never as HTML.
import { authorsByline } from '../../papers/view.ts';
import { excerptPieces } from '../excerpt.ts';

export interface ResultData {
  url: string;
  /** The record's indexed text: the abstract (or the title, for a paper without one). */
  content: string;
  /** Pagefind's excerpt of the content, with <mark> around matched words. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  /** Positions of the matched words in the content. */
  locations: number[];
}

/** The labels of filter values (topic and organisation names), from the page's filter choices. */
export type LabelOf = (filter: string, value: string) => string | null;

export function renderResult(result: ResultData, labelOf: LabelOf, base: string): HTMLLIElement {
  const item = document.createElement('li');
  const card = item.appendChild(element('article', 'paper-card'));
  const heading = card.appendChild(element('h2', 'paper-card__title'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;

  const meta = card.appendChild(element('p', 'paper-card__meta'));
  if (result.meta.date) meta.append(element('span', 'paper-card__date', result.meta.date));
  // Who: the organisation, else the first authors, as the site's lists say it.
  const organisation = result.filters.organisation?.[0];
  const by = (organisation && labelOf('organisation', organisation)) || authorsByline(result.meta.authors?.split(', ') ?? []);
  if (by) meta.append(element('span', 'paper-card__by', by));
  if (result.meta.upvotes !== undefined) {
    const upvotes = meta.appendChild(element('span', 'upvotes', `▲ ${result.meta.upvotes}`));
    upvotes.title = 'upvotes';
  }
  if (result.filters.code?.[0] === 'yes') meta.append(element('span', 'badge', 'code'));

  // A paper without an abstract is indexed by its title: no excerpt then, the title is above.
  if (result.content !== result.meta.title) {
    const excerpt = card.appendChild(element('p', 'paper-card__excerpt'));
    excerpt.append(...highlighted(result.excerpt, result.content));
  }

  const topics = result.filters.topic ?? [];
  if (topics.length > 0) {
    const chips = card.appendChild(element('ul', 'chips'));
    chips.setAttribute('aria-label', 'Topics');
    for (const slug of topics) {
      const chip = chips.appendChild(document.createElement('li')).appendChild(element('a', 'chip', labelOf('topic', slug) ?? slug));
      chip.href = `${base}topics/${encodeURIComponent(slug)}/`;
    }
  }
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt as nodes: its <mark> highlights kept, everything else plain text. */
function highlighted(excerpt: string, content: string): Node[] {
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const pieces = [...doc.body.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
  return excerptPieces(pieces, content).map((piece) => {
    if (!piece.mark) return document.createTextNode(piece.text);
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    return mark;
  });
}
