/**
 * Save buttons (src/components/SaveButton.astro): each `[data-save-slot]` inside a
 * `[data-paper]` element gets a toggle button. They are made here, so with JavaScript off there
 * is no button at all. Saving keeps the paper's page for offline reading. Importing this module
 * does nothing by itself (it shares a chunk with the store, see astro.config.mjs).
 */
import { announce } from './announce.ts';
import { keepOffline } from './keep-offline.ts';
import { paperFacts } from './paper-facts.ts';
import { savedPapers, setSaved } from './store.ts';

const savedSlugs = async (): Promise<Set<string>> => new Set((await savedPapers()).map((p) => p.slug));
/** Buttons set by a click: a read that started before it must not undo it. */
const clicked = new WeakSet<HTMLButtonElement>();

function show(button: HTMLButtonElement, on: boolean): void {
  button.setAttribute('aria-pressed', String(on));
  button.lastChild!.textContent = on ? 'Saved' : 'Save';
}

/** Puts a button in every new slot under `root` (lists the scripts render call this too). */
export async function addSaveButtons(root: ParentNode = document): Promise<void> {
  const buttons: HTMLButtonElement[] = [];
  for (const slot of root.querySelectorAll<HTMLElement>('[data-save-slot]:empty')) {
    const slug = slot.closest<HTMLElement>('[data-paper]')?.dataset.paper;
    if (!slug) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'save-button';
    button.dataset.save = slug;
    const star = document.createElement('span');
    star.setAttribute('aria-hidden', 'true');
    button.append(star, document.createElement('span'));
    button.addEventListener('click', () => void toggle(button));
    show(button, false);
    slot.append(button);
    buttons.push(button);
  }
  const on = await savedSlugs();
  for (const button of buttons) if (!clicked.has(button)) show(button, on.has(button.dataset.save!));
}

async function toggle(button: HTMLButtonElement): Promise<void> {
  const slug = button.dataset.save!;
  const paper = paperFacts(button.closest<HTMLElement>('[data-paper]')!, Date.now());
  const on = button.getAttribute('aria-pressed') !== 'true';
  // Every button for this paper on the page (a card may show twice: the day's list and catch-up).
  for (const other of document.querySelectorAll<HTMLButtonElement>('button[data-save]')) {
    if (other.dataset.save !== slug) continue;
    show(other, on);
    clicked.add(other);
  }
  announce(`${on ? 'Saved' : 'Removed from saved:'} ${paper.title}`);
  await setSaved(paper, on);
  if (on) void keepOffline([slug]);
}

/** The page's buttons, and kept up to date when the page comes back from the browser's history cache. */
export function startSaveButtons(): void {
  void addSaveButtons();
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    // The reader may have saved or unsaved elsewhere meanwhile.
    void savedSlugs().then((on) => document.querySelectorAll<HTMLButtonElement>('button[data-save]').forEach((b) => show(b, on.has(b.dataset.save!))));
  });
}
