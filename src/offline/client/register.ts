// Registers the service worker (`<base>sw.js`, written by scripts/build-offline.ts) that keeps
// pages read and searches run available offline. Only built sites have one.

const base = import.meta.env.BASE_URL;

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // A controller at load means a later `controllerchange` is an update, not the first install.
  const hadWorker = navigator.serviceWorker.controller !== null;
  // After the page has loaded, so that the worker's first downloads do not compete with it.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A newer build's worker took over. A page whose search already started asked for the
    // older build's index files; reloading it (the query is in the URL) moves it to the new one.
    if (hadWorker && searchStarted()) location.reload();
  });
}

function register(): void {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
    console.warn('Offline reading is not available:', error);
  });
}

function searchStarted(): boolean {
  // Pagefind's code is the newest shard's (src/search/client/search.ts), or the bundle's own for an index in one piece.
  return performance.getEntriesByType('resource').some((entry) => /\/pagefind\/(?:shards\/\d+\/)?pagefind\.js($|\?)/.test(entry.name));
}
