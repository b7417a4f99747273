/**
 * Link-preview images (Open Graph, 1200×630) for paper pages: satori lays the card out
 * as SVG with a bundled font, resvg rasterises it. Rendering costs tens of milliseconds,
 * so PNGs are cached on disk by the hash of what they show: an unchanged paper is never
 * rendered twice, and a build can turn the images off (`OG_IMAGES=off`) for huge sites.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { excerpt } from '../utils/excerpt.ts';
import { writeAtomic } from '../utils/atomic-write.ts';

export interface OgCard {
  title: string;
  topics: string[];
  /** Human-readable date line, e.g. `Published Oct 13, 2025`. */
  date: string;
  siteName: string;
}

// Bump when the card's look changes, so cached images are redrawn.
const TEMPLATE_VERSION = 2;
const WIDTH = 1200;
const HEIGHT = 630;
const CACHE_DIR = join('node_modules', '.cache', 'paper-digest', 'og');

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }> | undefined;
function loadFonts() {
  const require = createRequire(import.meta.url);
  const file = (weight: number) => readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
  fonts ??= [
    { name: 'Inter', data: file(400), weight: 400, style: 'normal' },
    { name: 'Inter', data: file(700), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/** The PNG for a card, from the cache when it was drawn before. */
export async function ogImage(card: OgCard, cacheDir = CACHE_DIR): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify([TEMPLATE_VERSION, card])).digest('hex').slice(0, 32);
  const path = join(cacheDir, `${key}.png`);
  try {
    return readFileSync(path);
  } catch {
    const png = await renderOgPng(card);
    mkdirSync(cacheDir, { recursive: true });
    // Several build workers may draw the same card: each sees a whole PNG or none.
    await writeAtomic(path, png);
    return png;
  }
}

export async function renderOgPng(card: OgCard): Promise<Buffer> {
  const svg = await satori(layout(card) as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH } }).render().asPng();
}

type El = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): El => ({ type, props: { style, children } });

/** Most characters of a title the card shows: five lines at the smaller size. */
const TITLE_MAX = 140;

/** The title as the card shows it: whole, or cut at a word boundary with an ellipsis, never inside a word. */
export function ogTitle(title: string): string {
  return excerpt(title, TITLE_MAX);
}

function layout(card: OgCard): El {
  const title = ogTitle(card.title);
  const inner = { width: WIDTH - 144, height: HEIGHT - 16 - 112 };
  return el('div', { width: WIDTH, height: HEIGHT, display: 'flex', flexDirection: 'column', background: '#fbfbfd', color: '#1b1d23', fontFamily: 'Inter' }, [
    el('div', { width: WIDTH, height: 16, background: '#1f4fd1' }),
    el('div', { ...inner, margin: '56px 72px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }, [
      el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: '#1f4fd1' }, card.siteName),
      el('div', { display: 'flex', width: inner.width, fontSize: title.length > 90 ? 50 : 60, fontWeight: 700, lineHeight: 1.15 }, title),
      el('div', { display: 'flex', flexDirection: 'column', gap: 16 }, [
        el('div', { display: 'flex', flexWrap: 'wrap', gap: 12 }, card.topics.slice(0, 3).map((t) => el('div', { display: 'flex', fontSize: 26, padding: '6px 18px', borderRadius: 999, background: '#e8eefc', color: '#1f4fd1' }, t))),
        el('div', { display: 'flex', fontSize: 28, color: '#5b6070' }, card.date),
      ]),
    ]),
  ]);
}
