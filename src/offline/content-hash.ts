/**
 * The short content hash that ties every offline file to one build. WebCrypto's SHA-256
 * exists both in Node (the build step that writes the manifest) and in the service worker
 * (which checks what it downloads against the manifest), so both compute it the same way.
 */

/** 16 hex digits (64 bits): plenty to tell two versions of one file apart. */
export const HASH_LENGTH = 16;

export async function contentHash(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.subarray(0, HASH_LENGTH / 2)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
