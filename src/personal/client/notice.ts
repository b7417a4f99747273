// A short note at the top of the page when the reader's data cannot be kept: said once, politely.

export function showNotice(text: string): void {
  let note = document.querySelector<HTMLElement>('[data-personal-notice]');
  if (!note) {
    note = document.createElement('p');
    note.className = 'personal-notice';
    note.setAttribute('role', 'status');
    note.dataset.personalNotice = '';
    document.querySelector('main')?.prepend(note);
  }
  note.textContent = text;
}
