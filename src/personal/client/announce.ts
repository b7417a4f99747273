// One polite live region per page, so screen readers hear what a click did.

export function announce(text: string): void {
  let region = document.querySelector<HTMLElement>('[data-personal-status]');
  if (!region) {
    region = document.createElement('p');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.dataset.personalStatus = '';
    document.body.append(region);
  }
  region.textContent = text;
}
