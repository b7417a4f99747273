import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/personal/words.ts';

describe('wordsOf', () => {
  it('lower-cases, drops accents and splits at anything but letters and digits', () => {
    expect(wordsOf('Café-Net: LLMs (v2) for naïve Ünïcode')).toEqual(['cafe', 'net', 'llms', 'v2', 'for', 'naive', 'unicode']);
  });

  it('keeps letters of any script', () => {
    expect(wordsOf('Модель 大模型 αβ')).toEqual(['модель', '大模型', 'αβ']);
  });

  it('gives nothing for text with no word', () => {
    expect(wordsOf(' — … ')).toEqual([]);
  });
});
