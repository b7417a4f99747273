// The quiet "Seen" mark on a paper the reader has opened or scrolled past.

/** Marks the given paper elements the reader has seen: the title dims, the facts line says "Seen". */
export function showSeen(elements: HTMLElement[], seen: Set<string>): void {
  for (const element of elements) {
    if (!seen.has(element.dataset.paper!) || element.hasAttribute('data-seen')) continue;
    element.dataset.seen = '';
    const mark = document.createElement('span');
    mark.className = 'seen-mark';
    mark.textContent = 'Seen';
    (element.querySelector('.paper-card__meta') ?? element).append(mark);
  }
}
