/** Filing papers under topics: clear cases of every topic, the fallback, and how evidence is weighed. */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTopics, MAX_TOPICS, scoreTopics } from '../../../src/analysis/classify.ts';
import { loadTaxonomy, OTHER_TOPIC, parseTaxonomy, topicSlugs } from '../../../src/analysis/taxonomy.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const taxonomy = loadTaxonomy(join(root, 'content/topics.yaml'));

/** Two made-up topics with one word each, to check the scoring rules in isolation. */
function tinyTaxonomy(signals: { alpha: string; beta: string }) {
  return parseTaxonomy(
    `other: {name: Other, description: Rest.}
topics:
  - {slug: alpha, name: Alpha, description: A., signals: {${signals.alpha}}}
  - {slug: beta, name: Beta, description: B., signals: {${signals.beta}}}
`,
    'tiny.yaml',
  );
}

describe('clear papers of every topic', () => {
  it.each([
    ['language-models', 'Instruction Tuning Improves Multilingual Question Answering', 'We study how instruction tuning changes the ability of large language models to answer questions in twelve languages, and find that machine translation of the training prompts closes most of the gap to English.'],
    ['efficiency', 'Post-Training Quantization of Vision Transformers to Four Bits', 'We quantize weights and activations to 4-bit integers without retraining. Memory use falls by a factor of four and latency on mobile devices by half, at a cost of less than one point of accuracy.'],
    ['architectures', 'Gated State Space Layers as a Drop-in Replacement for Attention', 'We replace the self-attention layers of a transformer with a gated state space model whose recurrent form runs in linear time, and compare it with linear attention and mixture-of-experts baselines.'],
    ['vision', 'Semantic Segmentation of Street Scenes with Multi-Scale Features', 'We segment every pixel of urban street images into thirty classes. A multi-scale feature pyramid improves semantic segmentation and object detection on Cityscapes and COCO.'],
    ['generative', 'Temporally Consistent Video Generation with Latent Diffusion', 'We extend a text-to-video latent diffusion model with a temporal denoising module, so that generated frames stay consistent over long clips.'],
    ['multimodal', 'A Vision-Language Model for Reading Charts', 'We train a multimodal model that aligns chart images with their text, reaching the best visual question answering accuracy on three chart benchmarks.'],
    ['audio-speech', 'Robust Speech Recognition for Noisy Call-Centre Audio', 'Automatic speech recognition degrades on telephone audio with overlapping speakers. We adapt the acoustic model with simulated noise and reduce the word error rate by a fifth.'],
    ['3d-graphics', 'Dynamic Scene Reconstruction with Gaussian Splatting', 'We reconstruct moving scenes from a handful of cameras as deforming 3D Gaussians, rendering novel views in real time with sharper detail than neural radiance fields.'],
    ['rl-robotics', 'Offline Reinforcement Learning for Robot Manipulation', 'We learn a grasping policy for a robot arm from logged demonstrations only, with a reward model trained from sparse success labels.'],
    ['graphs', 'Message Passing Networks for Link Prediction in Citation Graphs', 'We propose a graph neural network that passes messages along higher-order paths between nodes and improves link prediction on three citation graphs.'],
    ['retrieval-recsys', 'Dense Retrieval of Items for Session-Based Recommendation', 'We cast next-item recommendation as dense retrieval: a user session is embedded once and matched against millions of items, improving click-through rate in an online test.'],
    ['interpretability-safety', 'Sparse Autoencoders Reveal Interpretable Features in Language Model Activations', 'We train sparse autoencoders on the residual stream of a language model and find monosemantic features, which we use to study its internal mechanisms and steer its outputs.'],
    ['learning-theory', 'Convergence of Adam under Heavy-Tailed Gradient Noise', 'We prove that Adam converges with a decaying learning rate when gradient noise is heavy-tailed, and give a matching lower bound for stochastic gradient descent in this setting.'],
    ['science-health', 'Predicting Protein Stability from Sequence', 'We predict how mutations change the stability of proteins, using molecular dynamics to label data for drug design and clinical variant interpretation.'],
  ])('files a clear %s paper there first', (slug, title, abstract) => {
    const topics = classifyTopics({ title, abstract }, taxonomy);
    expect(topics[0]).toBe(slug);
  });

  it('puts a broad field second when the paper is about something specific done in it', () => {
    const topics = classifyTopics(
      { title: 'Pruning Large Language Models Without Retraining', abstract: 'We remove half of the attention heads of large language models with a one-shot pruning criterion and recover accuracy without any fine-tuning.' },
      taxonomy,
    );
    expect(topics.slice(0, 2)).toEqual(['efficiency', 'language-models']);
  });

  it.each([
    ['vision', 'Linear Attention Backbones for Image Classification', 'We replace the softmax self-attention of vision transformers with a gated linear attention layer of linear complexity in the number of pixels, and report accuracy on ImageNet image classification and COCO object detection.'],
    ['audio-speech', 'Mixture-of-Experts Layers for Speech Recognition', 'We replace the feed-forward layers of a speech recognition transformer with a mixture of experts whose router picks two experts per audio frame, and lower the word error rate on LibriSpeech at the same compute.'],
  ])('files a new kind of layer tried in %s under architectures first, although the field scores higher', (field, title, abstract) => {
    const paper = { title, abstract };
    expect(scoreTopics(paper, taxonomy).slice(0, 2).map((s) => s.slug)).toEqual([field, 'architectures']);
    expect(classifyTopics(paper, taxonomy).slice(0, 2)).toEqual(['architectures', field]);
  });
});

describe('the "other" fallback', () => {
  it('files a paper that fits no topic under other, alone', () => {
    const paper = { title: 'A History of Bread Baking in Medieval Towns', abstract: 'Guild records from four towns show how bakers priced loaves, shared ovens and settled disputes over the weight of bread between 1200 and 1450.' };
    expect(scoreTopics(paper, taxonomy).every((s) => s.score < 5)).toBe(true);
    expect(classifyTopics(paper, taxonomy)).toEqual([OTHER_TOPIC]);
  });

  it('copes with a missing abstract', () => {
    expect(classifyTopics({ title: 'Notes on Gardening', abstract: null }, taxonomy)).toEqual([OTHER_TOPIC]);
    expect(classifyTopics({ title: 'Speech Recognition for Children', abstract: null }, taxonomy)).toEqual(['audio-speech']);
  });
});

describe('weighing the evidence', () => {
  it('weighs a phrase in the title over the same phrase in the abstract', () => {
    const tiny = tinyTaxonomy({ alpha: 'alpha: 2', beta: 'beta: 2' });
    expect(classifyTopics({ title: 'alpha', abstract: 'beta beta.' }, tiny)[0]).toBe('alpha');
    expect(classifyTopics({ title: 'beta', abstract: 'alpha alpha.' }, tiny)[0]).toBe('beta');
  });

  it('lets the title decide between two topics the abstract names equally', () => {
    const abstract = 'We quantize an automatic speech recognition model to four bits for deployment on mobile devices, keeping speech recognition accuracy within one point.';
    expect(classifyTopics({ title: 'Four-Bit Quantization for On-Device Models', abstract }, taxonomy)[0]).toBe('efficiency');
    expect(classifyTopics({ title: 'Speech Recognition on Phones', abstract }, taxonomy)[0]).toBe('audio-speech');
  });

  it('lets the longest phrase claim its words, whichever topic lists it', () => {
    const tiny = tinyTaxonomy({ alpha: 'language model: 5', beta: 'multimodal language model: 2' });
    expect(scoreTopics({ title: 'x', abstract: 'A multimodal language model.' }, tiny).map((s) => s.slug)).toEqual(['beta']);
    expect(scoreTopics({ title: 'x', abstract: 'A language model.' }, tiny).map((s) => s.slug)).toEqual(['alpha']);
  });

  it('matches word forms and lets a negative phrase cancel a look-alike', () => {
    const tiny = tinyTaxonomy({ alpha: 'graph: 5, computational graph: -5', beta: 'quantization: 5' });
    const abstract = 'We quantized it; quantization helps.';
    expect(classifyTopics({ title: 'Graphs', abstract }, tiny)).toEqual(['alpha', 'beta']);
    expect(classifyTopics({ title: 'Rewriting the Computational Graph', abstract }, tiny)).toEqual(['beta']);
  });

  it('keeps a second topic only when it scores a good share of the first', () => {
    const tiny = tinyTaxonomy({ alpha: 'alpha: 5', beta: 'beta: 5' });
    expect(classifyTopics({ title: 'alpha beta', abstract: '' }, tiny)).toEqual(['alpha', 'beta']);
    expect(classifyTopics({ title: 'alpha alpha', abstract: 'alpha alpha alpha alpha beta' }, tiny)).toEqual(['alpha']);
  });
});

describe('any paper', () => {
  const slugs = new Set(topicSlugs(taxonomy));
  const vocabulary = ['speech', 'diffusion', 'graph', 'robot', 'quantization', 'protein', 'attention', 'retrieval', 'the', 'of', 'model', 'bread', 'we', 'large language model', 'theorem', 'image', '3D', 'unlearning', 'multimodal'];
  const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }).map((words) => words.join(' '));

  it('gets 1–3 distinct known topics, or other alone, the same every time', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: null }), (title, abstract) => {
        const topics = classifyTopics({ title, abstract }, taxonomy);
        expect(topics.length).toBeGreaterThanOrEqual(1);
        expect(topics.length).toBeLessThanOrEqual(MAX_TOPICS);
        expect(new Set(topics).size).toBe(topics.length);
        for (const slug of topics) expect(slugs.has(slug)).toBe(true);
        if (topics.includes(OTHER_TOPIC)) expect(topics).toEqual([OTHER_TOPIC]);
        expect(classifyTopics({ title, abstract }, taxonomy)).toEqual(topics);
      }),
    );
  });
});

describe('npm run eval:topics', () => {
  it('measures the labelled sample and files every bundled paper', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts/eval-topics.ts'), '--json'], { cwd: root });
    const report = JSON.parse(stdout) as {
      sample: { papers: number; labels: number; f1: number; firstRight: number; firstFiled: number; perTopic: Record<string, { labels: number }> };
      tuned: { firstRight: number };
      heldOut: { papers: number; firstRight: number };
      agreement: { papers: number; f1: number; firstRight: number };
      distribution: Record<string, { first: number }>;
      papers: number;
    };
    // Every bundled paper is labelled, and every topic has at least three labels...
    expect(report.sample.papers).toBe(report.papers);
    for (const slug of taxonomy.topics.map((t) => t.slug)) expect(report.sample.perTopic[slug]!.labels, slug).toBeGreaterThanOrEqual(3);
    // ...and the classifier meets the F1 target. The first-topic target (90%) is missed: these
    // floors, a little under today's figures (README), catch a change that makes it worse.
    expect(report.sample.f1).toBeGreaterThanOrEqual(0.75);
    expect(report.tuned.firstRight).toBeGreaterThanOrEqual(0.68);
    expect(report.heldOut.papers).toBeGreaterThanOrEqual(100);
    expect(report.heldOut.firstRight).toBeGreaterThanOrEqual(0.57);
    expect(report.sample.firstFiled).toBeGreaterThanOrEqual(0.85);
    // The second labeller is scored like the classifier; a first labeller that agreed with nobody
    // (or a scorer that compared the wrong lists) would show here.
    expect(report.agreement.papers).toBeGreaterThanOrEqual(295);
    expect(report.agreement.firstRight).toBeGreaterThan(report.sample.firstRight);
    const filed = Object.values(report.distribution).reduce((sum, counts) => sum + counts.first, 0);
    expect(filed).toBe(report.papers);
  });
});
