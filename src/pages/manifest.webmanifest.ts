/** `/manifest.webmanifest`: what a phone needs to install the site as an app (src/site/app-manifest.ts). */
import { webAppManifest } from '../site/app-manifest.ts';

export function GET() {
  const manifest = webAppManifest('Daily digests of new research papers: read, search and share them, also offline.');
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
}
