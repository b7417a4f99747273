import { describe, expect, it } from 'vitest';
import type { DayPaper } from '../../../src/personal/day-file.ts';
import { describeRule, hasEveryWord, matches, matchingRules } from '../../../src/personal/watch-match.ts';
import { makeRule, ruleKey } from '../../../src/personal/watch.ts';
import { wordsOf } from '../../../src/personal/words.ts';

const paper: DayPaper = {
  slug: 'x', title: 'Diffusion-Based Video LLMs', topics: ['vision', 'generative'], org: 'Z.ai', firstListed: '2026-01-08',
  upvotes: 3, appearances: 1, words: 'robotic grasping', day: '2026-01-08', rank: 1,
};
const rule = (parts: Parameters<typeof makeRule>[0]) => makeRule(parts, 1)!;

describe('makeRule and ruleKey', () => {
  it('trims the parts and refuses a rule that asks for nothing', () => {
    expect(makeRule({ words: '  diffusion ', topic: '', org: null }, 5)).toEqual({ words: 'diffusion', addedAt: 5 });
    expect(makeRule({ words: ' — ', topic: ' ' }, 5)).toBeNull();
  });

  it('counts two rules the same when they differ only in case, accents or spacing', () => {
    expect(ruleKey(rule({ words: 'Café  Models' }))).toBe(ruleKey(rule({ words: 'cafe models' })));
    expect(ruleKey(rule({ words: 'cafe' }))).not.toBe(ruleKey(rule({ words: 'cafe', topic: 'vision' })));
  });
});

describe('matches', () => {
  it('finds a word at the start of a word of the title, first sentence or organisation', () => {
    expect(matches(rule({ words: 'diffusion' }), paper)).toBe(true);
    expect(matches(rule({ words: 'llm' }), paper)).toBe(true);
    expect(matches(rule({ words: 'grasp' }), paper)).toBe(true);
    expect(matches(rule({ words: 'fusion' }), paper)).toBe(false);
  });

  it('needs every word', () => {
    expect(matches(rule({ words: 'video diffusion' }), paper)).toBe(true);
    expect(matches(rule({ words: 'video audio' }), paper)).toBe(false);
  });

  it('needs the topic and the organisation when the rule names them', () => {
    expect(matches(rule({ topic: 'vision' }), paper)).toBe(true);
    expect(matches(rule({ topic: 'graphs' }), paper)).toBe(false);
    expect(matches(rule({ org: 'z.AI' }), paper)).toBe(true);
    expect(matches(rule({ org: 'Z' }), paper)).toBe(false);
    expect(matches(rule({ words: 'video', topic: 'graphs' }), paper)).toBe(false);
  });

  it('lists the rules a paper matches', () => {
    const rules = [rule({ words: 'video' }), rule({ words: 'audio' }), rule({ topic: 'generative' })];
    expect(matchingRules(rules, paper)).toEqual([rules[0], rules[2]]);
  });
});

describe('hasEveryWord', () => {
  it('matches nothing for an empty query', () => {
    expect(hasEveryWord(wordsOf('anything'), ' ')).toBe(false);
  });
});

describe('describeRule', () => {
  it('reads as words, topic and organisation', () => {
    const name = (slug: string) => (slug === 'vision' ? 'Vision' : slug);
    expect(describeRule(rule({ words: 'diffusion', topic: 'vision', org: 'Z.ai' }), name)).toBe('“diffusion” in Vision from Z.ai');
    expect(describeRule(rule({ topic: 'vision' }), name)).toBe('topic Vision');
    expect(describeRule(rule({ org: 'Z.ai' }), name)).toBe('organisation Z.ai');
  });
});
