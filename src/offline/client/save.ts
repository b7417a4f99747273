// The "save for offline" section of /offline/: asks the service worker what saving would
// fetch, shows the size before anything starts, then saves with a progress bar.
import { formatDay } from '../../utils/format-date.ts';
import { formatBytes } from '../format-bytes.ts';
import type { OfflinePlan, OfflineReply, OfflineRequest } from '../messages.ts';

const section = document.querySelector<HTMLElement>('[data-offline-save]')!;
const summary = section.querySelector<HTMLElement>('[data-offline-plan]')!;
const start = section.querySelector<HTMLButtonElement>('[data-offline-start]')!;
const meter = section.querySelector<HTMLElement>('[data-offline-progress]')!;
const bar = meter.querySelector('progress')!;
const amount = meter.querySelector<HTMLElement>('[data-offline-amount]')!;
const status = section.querySelector<HTMLElement>('[data-offline-status]')!;
let saving = false;

// The worker shows this page in place of pages that are not kept, when offline.
if (location.pathname !== `${import.meta.env.BASE_URL}offline/`) {
  document.querySelector<HTMLElement>('[data-offline-missing]')!.hidden = false;
}

function ask(request: OfflineRequest, onReply: (reply: OfflineReply) => void): void {
  void navigator.serviceWorker.ready.then((registration) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => onReply(event.data);
    registration.active!.postMessage(request, [channel.port2]);
  });
}

function describe(plan: OfflinePlan): string {
  const days = plan.days.length === 1 ? `the latest digest day (${formatDay(plan.days[0]!)})` : `the ${plan.days.length} latest digest days (${formatDay(plan.days.at(-1)!)} to ${formatDay(plan.days[0]!)})`;
  const what = `the whole search index and ${days} with their ${plan.papers} papers`;
  if (plan.missingBytes === 0) return `Saved on this device: ${what}, ${formatBytes(plan.totalBytes)}.${plan.saved ? ' New versions of the site are saved as they are published.' : ''}`;
  const rest = plan.missingBytes < plan.totalBytes ? ` (${formatBytes(plan.missingBytes)} still to download)` : '';
  return `Saving keeps ${what} on this device: ${formatBytes(plan.totalBytes)}${rest}.`;
}

function showPlan(): void {
  summary.textContent = 'Working out what saving takes…';
  ask({ type: 'plan' }, (reply) => {
    if (reply.type === 'plan') {
      summary.textContent = describe(reply);
      // Nothing left to fetch: no button to press.
      start.hidden = reply.missingBytes === 0;
      start.disabled = saving;
    } else if (reply.type === 'failed') {
      summary.textContent = reply.outdated
        ? 'The site has just been updated. Reload this page to save the new version.'
        : 'Saving needs a connection: connect to the internet and reload this page.';
    }
  });
}

function save(): void {
  saving = true;
  start.disabled = true;
  meter.hidden = false;
  status.textContent = 'Saving…';
  // Ask the browser not to clear the saved copy when space runs low (it may decline).
  void navigator.storage?.persist?.().catch(() => false);
  ask({ type: 'save' }, (reply) => {
    if (reply.type === 'progress') {
      bar.max = reply.totalBytes;
      bar.value = reply.doneBytes;
      amount.textContent = `${formatBytes(reply.doneBytes)} of ${formatBytes(reply.totalBytes)}`;
    } else if (reply.type === 'done') {
      saving = false;
      status.textContent = 'Saved. The index and the latest digests now work without a connection.';
      showPlan();
    } else if (reply.type === 'failed') {
      status.textContent = reply.outdated
        ? 'Saving stopped: the site was updated meanwhile. Try again in a moment to save the new version.'
        : `Saving stopped (${reply.reason}). Check the connection and try again.`;
      saving = false;
      start.disabled = false;
    }
  });
}

if (!('serviceWorker' in navigator)) {
  summary.textContent = 'This browser cannot keep the site for offline reading.';
} else if (import.meta.env.DEV) {
  summary.textContent = 'Saving for offline works in the built site (npm run build, then npm run preview).';
} else {
  start.addEventListener('click', save);
  // A newer build took over: what saving takes is now that build's.
  navigator.serviceWorker.addEventListener('controllerchange', showPlan);
  showPlan();
}
