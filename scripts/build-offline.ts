/**
 * `node scripts/build-offline.ts [site folder, default dist]`: the offline manifest and the
 * service worker, written into the built site (src/offline/build.ts).
 */
import { resolve } from 'node:path';
import { buildOffline } from '../src/offline/build.ts';

console.log(await buildOffline(resolve(process.argv[2] ?? 'dist')));
