// Asks the service worker to keep saved papers' pages for offline reading (src/offline/messages.ts).
import type { OfflineReply, OfflineRequest } from '../../offline/messages.ts';

/** The paper pages (`papers/<slug>/`) the worker now keeps; none where there is no worker. */
export async function keepOffline(slugs: string[]): Promise<string[]> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD || slugs.length === 0) return [];
  const registration = await navigator.serviceWorker.ready;
  const request: OfflineRequest = { type: 'keep', paths: slugs.map((slug) => `papers/${slug}/`) };
  const worker = registration.active;
  if (!worker) return [];
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => resolve(event.data.type === 'kept' ? event.data.paths : []);
    worker.postMessage(request, [channel.port2]);
  });
}
