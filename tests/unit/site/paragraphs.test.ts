import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaperFolder } from '../../../src/papers/read.ts';
import { readableParagraphs } from '../../../src/site/paragraphs.ts';
import { renderTextAsHtml } from '../../../src/site/render-text.ts';
import { root } from '../../support/built-site.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const bodyOf = (slug: string) => readFileSync(join(root, 'content/papers', `${slug}.md`), 'utf8').split(/^---$/m).slice(2).join('---').trim();

describe('an abstract as paragraphs', () => {
  it('leaves a short abstract whole and keeps the paragraphs it has', () => {
    expect(readableParagraphs('One sentence. Two sentences.')).toEqual(['One sentence. Two sentences.']);
    expect(readableParagraphs('First.\n\nSecond.\r\n \r\nThird.')).toEqual(['First.', 'Second.', 'Third.']);
  });

  it('cuts a long block between sentences into paragraphs of a few sentences, losing no word', () => {
    const text = bodyOf('diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text');
    const paragraphs = readableParagraphs(text);
    expect(text.length).toBeGreaterThan(1000);
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(flat(paragraphs.join(' '))).toBe(flat(text));
    // Cut only where a sentence ends (the last paragraph ends as the abstract does: with a link).
    for (const p of paragraphs.slice(0, -1)) expect(p, 'ends a sentence').toMatch(/[.!?]["')\]]?$/);
    for (const p of paragraphs) expect(p.length, p).toBeGreaterThanOrEqual(160);
  });

  it('never cuts after an abbreviation that ends in a full stop', () => {
    const sentence = 'We compare several strong models on many hard benchmarks and report every number we measured in full detail here. ';
    const text = `${sentence.repeat(3)}It beats baselines, e.g. GPT-4o and Llama, vs. Qwen too. ${sentence.repeat(4)}`;
    const paragraphs = readableParagraphs(text);
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const p of paragraphs) expect(p).not.toMatch(/\b(e\.g|vs)\.$/);
    expect(flat(paragraphs.join(' '))).toBe(flat(text));
  });

  it('gives every bundled abstract back word for word, each paragraph under 900 characters unless a sentence is longer', async () => {
    const papers = await readPaperFolder(join(root, 'content/papers'));
    expect(papers.length).toBeGreaterThan(500);
    for (const { slug, body } of papers) {
      const paragraphs = readableParagraphs(body);
      expect(flat(paragraphs.join(' ')), slug).toBe(flat(body));
      const longest = Math.max(0, ...paragraphs.map((p) => p.length));
      if (longest > 900) expect(paragraphs.find((p) => p.length === longest)!.match(/[.!?]\s/g)?.length ?? 0, slug).toBeLessThan(3);
    }
  });

  it('is what the paper page renders, links and all', () => {
    const html = renderTextAsHtml(`${'A sentence long enough to count for something in a paragraph of text. '.repeat(12)}Code: https://github.com/x/y.`);
    expect(html.match(/<p>/g)!.length).toBeGreaterThan(1);
    expect(html).toContain('<a href="https://github.com/x/y" rel="noopener noreferrer">https://github.com/x/y</a>.</p>');
  });
});
