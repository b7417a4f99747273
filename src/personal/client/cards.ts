/**
 * Paper cards (src/components/PaperCard.astro): papers the reader has seen get a quiet "Seen"
 * mark as the page loads (not while reading, so nothing above the reader moves), and the list
 * keys (keys.ts) work wherever cards are.
 */
import { paperElements } from './paper-facts.ts';
import { showSeen } from './seen-marks.ts';
import { seenAmong } from './store.ts';
import './keys.ts';

async function markSeenCards(): Promise<void> {
  const cards = paperElements(document.querySelector('main') ?? document);
  if (cards.length > 0) showSeen(cards, await seenAmong(cards.map((c) => c.dataset.paper!)));
}

void markSeenCards();
