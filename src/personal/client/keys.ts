/**
 * Keys for lists of papers: j / k move to the next / previous paper (focusing its title link),
 * s saves or unsaves it, o opens it, ? lists the keys. Never while the reader types in a field,
 * and never with Ctrl, Alt or Cmd held (those are the browser's).
 */
import { paperElements } from './paper-facts.ts';

const KEYS: Array<[string, string]> = [
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['s', 'Save or unsave the paper'],
  ['o', 'Open the paper'],
  ['?', 'Show these keys'],
  ['/', 'Search'],
];

let current: HTMLElement | null = null;

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName)));
}

function papers(): HTMLElement[] {
  return paperElements(document.querySelector('main') ?? document).filter((p) => p.getClientRects().length > 0);
}

function titleLink(paper: HTMLElement): HTMLAnchorElement | null {
  return paper.querySelector<HTMLAnchorElement>(':is(h1, h2, h3) a[href]');
}

function currentPaper(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>('[data-paper]') ?? (current?.isConnected ? current : null);
}

function move(step: 1 | -1): void {
  const list = papers();
  if (list.length === 0) return;
  const at = list.indexOf(currentPaper()!);
  // From nowhere, start with the first paper the reader can see.
  const next = at >= 0 ? list[Math.min(list.length - 1, Math.max(0, at + step))]! : (list.find((p) => p.getBoundingClientRect().bottom > 0) ?? list[0]!);
  current = next;
  (titleLink(next) ?? next).focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

let help: HTMLDialogElement | null = null;

function toggleHelp(): void {
  if (!help) {
    help = document.createElement('dialog');
    help.className = 'keys-help';
    help.setAttribute('aria-labelledby', 'keys-help-title');
    const title = Object.assign(document.createElement('h2'), { id: 'keys-help-title', textContent: 'Keyboard shortcuts' });
    const list = document.createElement('dl');
    for (const [key, what] of KEYS) list.append(Object.assign(document.createElement('dt'), { textContent: key }), Object.assign(document.createElement('dd'), { textContent: what }));
    const close = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: 'Close' });
    close.addEventListener('click', () => help!.close());
    help.append(title, list, close);
    document.body.append(help);
  }
  if (help.open) help.close();
  else help.showModal();
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (help?.open && event.key !== '?') return;
  const paper = currentPaper();
  if (event.key === 'j') move(1);
  else if (event.key === 'k') move(-1);
  else if (event.key === 's' && paper) paper.querySelector<HTMLButtonElement>('button[data-save]')?.click();
  else if (event.key === 'o' && paper) titleLink(paper)?.click();
  else if (event.key === '?') toggleHelp();
  else return;
  event.preventDefault();
});
