import { describe, expect, it } from 'vitest';
import { legacyTitleKey, titleKey } from '../../../src/listing/title-key.ts';

describe('titleKey', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(titleKey('Café-Net:  A  Résumé')).toBe(titleKey('cafe net a resume'));
    expect(titleKey('GPT-4 Is Here!')).toBe(titleKey('gpt 4 is here'));
  });

  it('keeps `+`, `#`, symbols and emoji, which tell papers apart', () => {
    expect(titleKey('C++ Compilers Beat C# Compilers')).not.toBe(titleKey('C# Compilers Beat C++ Compilers'));
    expect(titleKey('Tiny Agents 🤖')).not.toBe(titleKey('Tiny Agents'));
    expect(titleKey('Loss ≤ 1')).not.toBe(titleKey('Loss 1'));
    expect(titleKey('C++ Tricks')).toBe('c + + tricks');
  });

  it('reads symbols the same with or without spaces around them', () => {
    expect(titleKey('Vision+Language')).toBe(titleKey('Vision + Language'));
  });

  it('drops invisible characters: zero-width space, soft hyphen, word joiner, variation selectors, BOM', () => {
    expect(titleKey('Mix\u200Bture of Ex\u00ADperts\u2060 ❤\uFE0F\uFEFF')).toBe(titleKey('Mixture of Experts ❤'));
  });

  it('keeps the letters a key needs', () => {
    expect(titleKey('\uff9e')).toBe('');
    expect(titleKey('日本語のタイトル')).toBe('日本語のタイトル');
  });
});

describe('legacyTitleKey', () => {
  it('is the rule older archives were written with: letters and digits only', () => {
    expect(legacyTitleKey('C++ Compilers Beat C# Compilers')).toBe('c compilers beat c compilers');
    expect(legacyTitleKey('Mix\u200Bture')).toBe('mix ture');
  });
});
