/** `/icons/<name>.png`: the app icons the web app manifest and iOS name, drawn at build time. */
import type { APIContext, GetStaticPaths } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { APP_ICONS, iconSvg, type AppIcon } from '../../site/app-manifest.ts';

export const getStaticPaths = (() => APP_ICONS.map((icon) => ({ params: { icon: icon.file.replace(/\.png$/, '') }, props: { icon } }))) satisfies GetStaticPaths;

export function GET({ props }: APIContext) {
  const { icon } = props as { icon: AppIcon };
  const png = new Resvg(iconSvg(icon), { fitTo: { mode: 'width', value: icon.size } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
