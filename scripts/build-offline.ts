/**
 * `node scripts/build-offline.ts [site folder, default dist]`: the offline manifest and the
 * service worker, written into the built site (src/offline/build.ts), with the content hashes of
 * files unchanged since the last build taken from `node_modules/.cache/` rather than read again.
 */
import { resolve } from 'node:path';
import { BUILD_CACHE } from '../src/config.ts';
import { buildOffline } from '../src/offline/build.ts';

console.log(await buildOffline(resolve(process.argv[2] ?? 'dist'), BUILD_CACHE.offlineHashes));
