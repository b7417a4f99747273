/**
 * The web app manifest and its icons, so the site installs as an app on a phone. Icons are drawn
 * at build time from one glyph (the favicon's): a light and a dark tile, each also as a
 * full-bleed "maskable" icon that a launcher may crop to its own shape. Paths are relative to
 * the manifest, which sits at the site's base, so one manifest works under any base path.
 */
import { SITE_NAME } from '../config.ts';

/** The page background of each scheme (src/styles/global.css): the browser's bars and the splash screen. */
export const THEME_COLORS = { light: '#fbfbfd', dark: '#111318' } as const;

const TILES = {
  light: { tile: '#1f4fd1', paper: '#ffffff' },
  dark: { tile: '#1f2a44', paper: '#8fb0ff' },
} as const;

export type Scheme = keyof typeof TILES;

export interface AppIcon {
  /** File name under `icons/`. */
  file: string;
  size: number;
  scheme: Scheme;
  /** Full-bleed, the glyph inside the middle 80%, for launchers that crop icons to a shape. */
  maskable: boolean;
}

export const APP_ICONS: readonly AppIcon[] = [
  ...(['light', 'dark'] as const).flatMap((scheme) => [
    { file: `icon-${scheme}-192.png`, size: 192, scheme, maskable: false },
    { file: `icon-${scheme}-512.png`, size: 512, scheme, maskable: false },
    { file: `icon-${scheme}-maskable-512.png`, size: 512, scheme, maskable: true },
  ]),
  // iOS ignores the manifest's icons and rounds this square itself.
  { file: 'apple-touch-icon.png', size: 180, scheme: 'light', maskable: true },
];

/** The icon as SVG: the favicon's page glyph on a tile; rounded unless maskable. */
export function iconSvg(icon: Pick<AppIcon, 'size' | 'scheme' | 'maskable'>): string {
  const { tile, paper } = TILES[icon.scheme];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${icon.size}" height="${icon.size}">` +
    `<rect width="32" height="32" rx="${icon.maskable ? 0 : 6}" fill="${tile}"/>` +
    `<path d="M9 7h10l5 5v13H9z" fill="${paper}"/>` +
    `<path d="M12 15h9M12 19h9M12 23h6" stroke="${tile}" stroke-width="2"/></svg>`
  );
}

function manifestIcons(scheme: Scheme) {
  return APP_ICONS.filter((i) => i.scheme === scheme && i.file.startsWith('icon-')).map((i) => ({
    src: `icons/${i.file}`,
    sizes: `${i.size}x${i.size}`,
    type: 'image/png',
    purpose: i.maskable ? 'maskable' : 'any',
  }));
}

/** The manifest, as served at `<base>manifest.webmanifest`. */
export function webAppManifest(description: string): Record<string, unknown> {
  return {
    name: SITE_NAME,
    short_name: SITE_NAME,
    description,
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: manifestIcons('light'),
    // The dark icons and colours, for browsers that read the proposed `user_preferences` member
    // (others ignore it and keep the light ones).
    user_preferences: {
      color_scheme_dark: { background_color: THEME_COLORS.dark, theme_color: THEME_COLORS.dark, icons: manifestIcons('dark') },
    },
  };
}
