/**
 * `node scripts/build-offline.ts [site folder, default dist] [--after-pages]`: the offline manifest
 * and the service worker, written into the built site (src/offline/build.ts), with the content
 * hashes of files unchanged since the last build taken from `node_modules/.cache/` rather than
 * read again.
 *
 * With `--after-pages` and an IPC channel (scripts/build-site.ts starts it so, once the search
 * index is in place, while `astro build` may still be writing the pages), it does what needs only
 * the index, says so, and waits for the message that the pages are built.
 */
import { resolve } from 'node:path';
import { BUILD_CACHE } from '../src/config.ts';
import { buildOffline } from '../src/offline/build.ts';
import { OFFLINE_STEP } from '../src/offline/step-messages.ts';

const args = process.argv.slice(2);
const site = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const send = process.send?.bind(process);

/** Resolves at the message that the pages are built; the step ends if the build that started it is gone. */
function pagesBuiltMessage(): Promise<void> {
  return new Promise((resolve) => {
    // Listening from the start: a message cannot come before anyone hears it.
    const onMessage = (message: unknown) => {
      if (message !== OFFLINE_STEP.pagesBuilt) return;
      process.off('message', onMessage);
      process.off('disconnect', gone);
      resolve();
    };
    const gone = () => process.exit(1);
    process.on('message', onMessage);
    process.on('disconnect', gone);
  });
}

const pagesBuilt = send && args.includes('--after-pages') ? pagesBuiltMessage() : undefined;
const summary = await buildOffline(site, {
  hashesFile: BUILD_CACHE.offlineHashes,
  pagesBuilt,
  onIndexDescribed: pagesBuilt && (() => send?.(OFFLINE_STEP.indexDescribed)),
});
console.log(summary);
