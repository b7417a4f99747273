/**
 * Words the synthetic listings are made of. Papers are grouped in themes close to the
 * site's topics, so that generated titles and abstracts file into topics and answer
 * searches the way real ones do (a theme's words co-occur; a few words are shared).
 */

export interface Theme {
  /** The topic a reader would file these papers under (informative only). */
  name: string;
  /** Problems the papers address: "long-context reasoning". */
  tasks: string[];
  /** What they propose or study: "sparse mixture-of-experts". */
  methods: string[];
  /** What they train or run on: "large language models". */
  subjects: string[];
  /** Evaluation suites named in abstracts. */
  benchmarks: string[];
  /** Parts of coined system names. */
  nameParts: string[];
}

export const THEMES: Theme[] = [
  {
    name: 'language-models',
    tasks: ['long-context reasoning', 'instruction following', 'mathematical reasoning', 'code generation', 'machine translation', 'question answering', 'chain-of-thought reasoning', 'text summarization', 'factual recall', 'multilingual understanding'],
    methods: ['reinforcement learning from verifiable rewards', 'preference optimization', 'speculative decoding', 'supervised fine-tuning', 'test-time scaling', 'self-consistency decoding', 'curriculum data mixing', 'retrieval-augmented generation', 'process reward models', 'tokenizer-free modeling'],
    subjects: ['large language models', 'small language models', 'reasoning models', 'instruction-tuned transformers', 'code language models', 'decoder-only transformers'],
    benchmarks: ['GSM8K', 'MATH-500', 'MMLU', 'HumanEval', 'AIME 2024', 'LongBench', 'GPQA', 'BIG-Bench Hard'],
    nameParts: ['Llama', 'GPT', 'Reason', 'Think', 'Coder', 'Math', 'Tok', 'Lingo', 'Qwen', 'Chat'],
  },
  {
    name: 'efficiency',
    tasks: ['efficient inference', 'memory-efficient training', 'model compression', 'low-latency serving', 'parameter-efficient fine-tuning', 'on-device deployment', 'KV cache compression', 'distributed training'],
    methods: ['post-training quantization', 'structured pruning', 'knowledge distillation', 'low-rank adaptation', 'sparse mixture-of-experts', 'mixed-precision training', 'activation checkpointing', 'token merging', 'pipeline parallelism', 'FlashAttention kernels'],
    subjects: ['large language models', 'vision transformers', 'diffusion transformers', 'edge devices', 'GPU clusters', 'mixture-of-experts models'],
    benchmarks: ['WikiText-2', 'C4', 'MLPerf', 'LongBench', 'MMLU', 'ImageNet-1K'],
    nameParts: ['Flash', 'Turbo', 'Sparse', 'Lite', 'Quant', 'Prune', 'Fast', 'Lo', 'Mini', 'Zip'],
  },
  {
    name: 'generative',
    tasks: ['text-to-image generation', 'video generation', 'image editing', 'controllable generation', 'high-resolution synthesis', 'style transfer', 'subject-driven generation', 'image inpainting'],
    methods: ['latent diffusion', 'flow matching', 'consistency distillation', 'classifier-free guidance', 'autoregressive image tokenizers', 'rectified flow', 'diffusion transformers', 'score distillation sampling', 'masked generative modeling'],
    subjects: ['diffusion models', 'video diffusion models', 'image generators', 'visual tokenizers', 'text-to-video models', 'generative priors'],
    benchmarks: ['COCO', 'GenEval', 'VBench', 'ImageNet 256x256', 'DrawBench', 'T2I-CompBench'],
    nameParts: ['Diff', 'Gen', 'Dream', 'Flow', 'Paint', 'Vid', 'Pixel', 'Imagine', 'Sora', 'Canvas'],
  },
  {
    name: 'vision',
    tasks: ['semantic segmentation', 'object detection', 'depth estimation', 'image classification', 'video understanding', 'optical flow estimation', 'super-resolution', 'open-vocabulary segmentation', 'visual tracking'],
    methods: ['self-supervised pretraining', 'masked autoencoders', 'contrastive learning', 'vision transformers', 'state space models', 'test-time adaptation', 'dense prediction heads', 'hierarchical feature pyramids'],
    subjects: ['vision transformers', 'convolutional networks', 'vision foundation models', 'video encoders', 'segmentation models'],
    benchmarks: ['ImageNet-1K', 'COCO', 'ADE20K', 'Kinetics-400', 'Cityscapes', 'NYU Depth v2', 'DAVIS'],
    nameParts: ['Seg', 'ViT', 'Vision', 'Det', 'Depth', 'Eye', 'Mamba', 'Dino', 'Focus', 'Scene'],
  },
  {
    name: 'multimodal',
    tasks: ['visual question answering', 'image captioning', 'document understanding', 'visual grounding', 'video question answering', 'chart understanding', 'multimodal reasoning', 'OCR-free document parsing'],
    methods: ['visual instruction tuning', 'cross-modal alignment', 'interleaved image-text pretraining', 'visual token pruning', 'multimodal chain-of-thought', 'vision-language connectors', 'any-resolution encoding'],
    subjects: ['vision-language models', 'multimodal large language models', 'video-language models', 'unified multimodal models', 'CLIP-style encoders'],
    benchmarks: ['MMMU', 'MathVista', 'DocVQA', 'ChartQA', 'Video-MME', 'TextVQA', 'MMBench'],
    nameParts: ['LLaVA', 'Omni', 'Uni', 'VL', 'Look', 'Lens', 'Pix', 'Doc', 'See', 'Mosaic'],
  },
  {
    name: 'audio-speech',
    tasks: ['automatic speech recognition', 'text-to-speech synthesis', 'speech enhancement', 'music generation', 'speaker verification', 'spoken dialogue', 'audio captioning', 'voice conversion'],
    methods: ['neural audio codecs', 'self-supervised speech representations', 'streaming transducers', 'discrete speech tokens', 'audio language modeling', 'diffusion vocoders', 'contrastive audio-text pretraining'],
    subjects: ['speech language models', 'audio encoders', 'speech recognizers', 'music models', 'full-duplex dialogue systems'],
    benchmarks: ['LibriSpeech', 'AudioCaps', 'VCTK', 'Common Voice', 'MusicCaps', 'VoxCeleb'],
    nameParts: ['Audio', 'Speech', 'Voice', 'Sound', 'Wave', 'Music', 'Echo', 'Tone', 'Sonic', 'Whisper'],
  },
  {
    name: 'rl-robotics',
    tasks: ['robotic manipulation', 'autonomous web navigation', 'embodied planning', 'multi-agent coordination', 'tool use', 'long-horizon control', 'sim-to-real transfer', 'GUI automation'],
    methods: ['offline reinforcement learning', 'vision-language-action models', 'imitation learning', 'world models', 'policy gradient methods', 'reward shaping', 'hierarchical planning', 'agentic workflows'],
    subjects: ['LLM agents', 'robot policies', 'embodied agents', 'autonomous agents', 'humanoid robots', 'web agents'],
    benchmarks: ['SWE-bench', 'WebArena', 'ALFWorld', 'LIBERO', 'Meta-World', 'OSWorld', 'Atari 100k'],
    nameParts: ['Robo', 'Agent', 'Act', 'Plan', 'Nav', 'Grasp', 'Pilot', 'Policy', 'World', 'Mind'],
  },
  {
    name: 'retrieval-recsys',
    tasks: ['dense retrieval', 'sequential recommendation', 'click-through rate prediction', 'reranking', 'semantic search', 'query understanding', 'tabular prediction'],
    methods: ['late interaction', 'generative retrieval', 'learned sparse retrieval', 'contrastive embedding training', 'hard negative mining', 'graph-based collaborative filtering', 'semantic IDs'],
    subjects: ['embedding models', 'retrievers', 'recommender systems', 'rerankers', 'search engines'],
    benchmarks: ['MS MARCO', 'BEIR', 'MTEB', 'Amazon Reviews', 'MovieLens-1M', 'Natural Questions'],
    nameParts: ['Rank', 'Rec', 'Retr', 'Embed', 'Search', 'Query', 'Col', 'Match', 'Index', 'Key'],
  },
  {
    name: 'graphs',
    tasks: ['node classification', 'link prediction', 'molecular property prediction', 'graph generation', 'knowledge graph completion', 'combinatorial optimization'],
    methods: ['graph neural networks', 'graph transformers', 'message passing', 'positional encodings', 'equivariant networks', 'graph contrastive learning'],
    subjects: ['graph neural networks', 'knowledge graphs', 'molecular graphs', 'heterogeneous graphs', 'temporal graphs'],
    benchmarks: ['OGB', 'ZINC', 'Cora', 'QM9', 'FB15k-237'],
    nameParts: ['Graph', 'Node', 'Edge', 'GNN', 'Link', 'Net', 'Mesh', 'Hop'],
  },
  {
    name: 'interpretability-safety',
    tasks: ['jailbreak defense', 'hallucination detection', 'machine unlearning', 'alignment evaluation', 'bias mitigation', 'watermarking', 'uncertainty estimation', 'mechanistic interpretability'],
    methods: ['sparse autoencoders', 'activation steering', 'red teaming', 'constitutional training', 'probing classifiers', 'circuit discovery', 'calibration techniques', 'adversarial training'],
    subjects: ['aligned language models', 'reward models', 'safety classifiers', 'transformer circuits', 'chat assistants'],
    benchmarks: ['TruthfulQA', 'HarmBench', 'AdvBench', 'JailbreakBench', 'BBQ'],
    nameParts: ['Safe', 'Guard', 'Align', 'Probe', 'Trust', 'Shield', 'Lens', 'Truth'],
  },
  {
    name: 'learning-theory',
    tasks: ['generalization', 'optimization stability', 'continual learning', 'scaling law estimation', 'out-of-distribution generalization', 'in-context learning'],
    methods: ['adaptive optimizers', 'learning rate schedules', 'weight decay', 'neural tangent kernels', 'loss landscape analysis', 'model merging', 'gradient noise analysis', 'second-order optimization'],
    subjects: ['deep networks', 'overparameterized models', 'linear attention', 'residual networks', 'transformers'],
    benchmarks: ['CIFAR-10', 'CIFAR-100', 'ImageNet-1K', 'synthetic regression tasks', 'Split CIFAR'],
    nameParts: ['Opt', 'Adam', 'Scale', 'Grad', 'Sharp', 'Merge', 'Law', 'Muon'],
  },
  {
    name: 'science-health',
    tasks: ['medical image segmentation', 'protein structure prediction', 'weather forecasting', 'drug discovery', 'clinical note summarization', 'materials discovery', 'radiology report generation', 'single-cell analysis'],
    methods: ['foundation models for science', 'physics-informed neural networks', 'equivariant diffusion', 'neural operators', 'multimodal clinical pretraining', 'inverse design'],
    subjects: ['protein language models', 'medical foundation models', 'weather models', 'molecular generators', 'clinical language models'],
    benchmarks: ['MedQA', 'PDBbind', 'WeatherBench 2', 'MIMIC-CXR', 'CASP15', 'MoleculeNet'],
    nameParts: ['Med', 'Bio', 'Chem', 'Mol', 'Geo', 'Cell', 'Prot', 'Clima', 'Rad', 'Gene'],
  },
  {
    name: '3d-graphics',
    tasks: ['novel view synthesis', '3D reconstruction', 'text-to-3D generation', 'avatar animation', 'scene relighting', 'mesh generation', '4D reconstruction'],
    methods: ['3D Gaussian splatting', 'neural radiance fields', 'multi-view diffusion', 'signed distance functions', 'feed-forward reconstruction', 'differentiable rendering'],
    subjects: ['3D generative models', 'radiance fields', 'Gaussian splats', 'human avatars', 'multi-view diffusion models'],
    benchmarks: ['Objaverse', 'ShapeNet', 'Mip-NeRF 360', 'ScanNet', 'DTU', 'Tanks and Temples'],
    nameParts: ['Splat', 'NeRF', 'Mesh', 'Shape', 'Avatar', 'Light', 'View', 'Scene', 'Voxel', 'Gauss'],
  },
];

/** Endings of coined system names: `Flash` + `Former`. */
export const NAME_ENDINGS = ['Former', 'Net', 'GPT', 'LM', 'Bench', 'Gen', 'Agent', 'Mix', 'Fusion', 'Flow', 'Zero', 'Mind', 'Eval', 'Align', 'Tune', 'R1', 'Verse', 'Pro', 'X', 'Star', 'Edit', 'Seek', 'Craft'];
export const NAME_VERSIONS = ['', '', '', '', '-2', '2', '-XL', '-R1', '-V', '3', '-Lite', '++', '-1.5'];

export const TITLE_ADJECTIVES = ['Scalable', 'Efficient', 'Robust', 'Unified', 'Adaptive', 'Training-Free', 'Lightweight', 'Generalizable', 'Controllable', 'Interpretable', 'Data-Efficient', 'Fine-Grained', 'Hierarchical', 'Zero-Shot', 'Self-Supervised', 'Long-Horizon', 'Open', 'Faithful', 'Compositional', 'Streaming'];
export const TITLE_GERUNDS = ['Scaling', 'Rethinking', 'Unlocking', 'Improving', 'Revisiting', 'Accelerating', 'Bridging', 'Understanding', 'Learning', 'Aligning', 'Benchmarking', 'Steering', 'Distilling', 'Teaching', 'Grounding'];
export const TITLE_PROPERTIES = ['Limits', 'Robustness', 'Emergence', 'Role', 'Geometry', 'Dynamics', 'Fragility', 'Sample Complexity', 'Expressivity', 'Hidden Costs'];
export const TITLE_TAILS = ['A Survey', 'A Benchmark and a Baseline', 'An Empirical Study', 'Lessons from Scale', 'A Technical Report', 'Theory and Practice', 'What Matters and Why', 'A Simple Recipe', 'Beyond Accuracy', 'An Open Framework'];

export const GITHUB_USERS = ['tsinghua-nlp', 'facebookresearch', 'google-research', 'microsoft', 'NVlabs', 'OpenGVLab', 'THUDM', 'salesforce', 'allenai', 'huggingface', 'princeton-nlp', 'stanford-crfm', 'mit-han-lab', 'kaist-ai', 'zju-3dv', 'baaivision', 'shi-labs', 'apple', 'deepmind', 'sail-sg'];

/** `id Name` pairs as listings show a submitting organisation. */
export const ORGS: Array<{ id: string; name: string }> = [
  { id: 'zai-org', name: 'Z.ai' },
  { id: 'google', name: 'Google' },
  { id: 'nvidia', name: 'NVIDIA' },
  { id: 'microsoft', name: 'Microsoft' },
  { id: 'Qwen', name: 'Qwen' },
  { id: 'deepseek-ai', name: 'DeepSeek' },
  { id: 'allenai', name: 'Ai2' },
  { id: 'apple', name: 'Apple' },
  { id: 'ByteDance-Seed', name: 'ByteDance Seed' },
  { id: 'OpenGVLab', name: 'OpenGVLab' },
  { id: 'tencent', name: 'Tencent' },
  { id: 'HuggingFaceTB', name: 'Hugging Face Smol Models Research' },
  { id: 'meta-llama', name: 'Meta Llama' },
  { id: 'stepfun-ai', name: 'StepFun' },
  { id: 'internlm', name: 'Intern Large Models' },
];

/**
 * Abstract sentences by role. Slots: {subject} {task} {method} {method2} {benchmark}
 * {name} {adjective} {n} (a number) {pct} (a percentage) {x} (a speed-up factor).
 */
export const OPENINGS = [
  '{Subject} have achieved remarkable progress in {task}, yet their behaviour under realistic constraints remains poorly understood.',
  'Recent advances in {method} have substantially improved {task}.',
  '{Task} is a fundamental problem for {subject}, with applications ranging from scientific discovery to everyday assistants.',
  'Despite rapid progress, {subject} still struggle with {task} when the available data is scarce or noisy.',
  'Scaling {subject} has been the dominant recipe for progress in {task}, but its costs grow faster than its benefits.',
  'The success of {method} has renewed interest in {task}.',
];

export const PROBLEMS = [
  'However, existing approaches rely on costly human annotations and do not transfer across domains.',
  'Existing methods either sacrifice quality for speed or require prohibitive amounts of compute.',
  'Most prior work evaluates on narrow benchmarks, which hides failure modes that matter in practice.',
  'A key obstacle is that {method} scales poorly with sequence length and model size.',
  'Current pipelines treat {task} and {method2} in isolation, overlooking the interactions between them.',
  'In addition, the reasons behind these gains remain unclear, making it hard to design better systems.',
];

export const PROPOSALS = [
  'In this work, we introduce {name}, a {adjective} framework that combines {method} with {method2}.',
  'We propose {name}, a simple yet effective approach to {task} based on {method}.',
  'To address this, we present {name}, which revisits {method} from the perspective of {task}.',
  'This paper presents {name}, an open {subject} family trained with {method}.',
  'We introduce {name}, a benchmark of {n} carefully curated problems that measures {task} in realistic settings.',
];

export const DETAILS = [
  'Our key insight is that {method2} can be performed without any additional training.',
  '{name} decomposes the problem into a sequence of smaller subproblems, each solved with {method}.',
  'We further design a {adjective} curriculum that gradually increases the difficulty of training examples.',
  'The method requires only a few lines of code and adds negligible overhead at inference time.',
  'We also release a dataset of {n} examples annotated with fine-grained labels for {task}.',
  'A lightweight router selects, for every input, the most suitable expert among {n} candidates.',
  'Unlike prior work, our approach does not require access to model weights or gradients.',
  'We provide a theoretical analysis showing that the proposed objective is a tight lower bound on the expected reward.',
  'To stabilise training, we introduce a regularizer that keeps the learned representations close to those of the base model.',
  'We analyse the failure cases and find that most errors stem from {task} rather than from {method2}.',
  'The resulting models are trained on {n}B tokens using a mixture of public and synthetic data.',
  'Ablations show that each component contributes to the final performance, with {method2} being the most important.',
];

export const RESULTS = [
  'Extensive experiments on {benchmark} and {benchmark2} show that {name} outperforms strong baselines by {pct}\\% on average.',
  'On {benchmark}, {name} improves accuracy from {pct}\\% to {pct2}\\% while using {x}x less compute.',
  '{name} achieves state-of-the-art results on {benchmark}, surpassing models ten times its size.',
  'Our approach delivers a {x}x speed-up over {method} with no measurable loss in quality on {benchmark}.',
  'Results on {benchmark} demonstrate consistent gains across model scales from 1B to {n}B parameters.',
  'Human evaluations confirm that outputs of {name} are preferred in {pct}\\% of pairwise comparisons.',
];

export const CLOSINGS = [
  'We hope our findings will inform the design of future {subject}.',
  'These results suggest that {method} is a promising direction for {task}.',
  'Our analysis opens new avenues for research on {task}.',
  'We believe {name} provides a strong foundation for future work on {subject}.',
];

/** Sentences that carry a link; `{url}` is filled with a generated address. */
export const URL_SENTENCES = [
  'Code is available at {url}.',
  'Our code and models are publicly available at {url}',
  'Project page: {url}.',
  'We release the code, data and checkpoints at {url} to facilitate future research.',
  'The dataset is available at {url}, and the evaluation code at {url2}.',
];

/**
 * Sentences carrying rare words ({rare}): real abstracts bring a long tail of rare terms
 * (566 real papers use 9,357 distinct words), which is what makes a search index large.
 */
export const JARGON = [
  'We identify {rare} {rare} as the main source of error and mitigate it with a {rare} correction.',
  'Our analysis covers {rare}, {rare} and {rare} settings, including the {Rare} corpus.',
  'The {Rare} module relies on {rare} estimates computed from {rare} statistics of the {rare} layer.',
  'In contrast to {Rare} and {Rare}, the approach needs no {rare} supervision.',
  'We further show that {rare} {rare} transfers to {rare} tasks such as {rare} without retraining.',
  'A {rare} variant with {rare} gating narrows the gap to {Rare} on {rare} inputs.',
  'Experiments on {Rare}, {Rare} and {Rare} confirm the role of {rare} features.',
];

/** Syllables of made-up rare words: rank r in a Zipf draw always gives the same word. */
export const SYLLABLES = ['ka', 'lo', 'mi', 'tra', 'ven', 'sor', 'di', 'pel', 'qua', 'ron', 'ze', 'bu', 'gar', 'fin', 'tho', 'lex', 'mar', 'ino', 'sta', 'vi', 'ner', 'col', 'pha', 'rel', 'dun', 'sku', 'tem', 'opa', 'gil', 'wen', 'cha', 'bri', 'sel', 'nox', 'ula', 'tor', 'phy', 'mod', 'ast', 'kri', 'sen', 'dal', 'fer', 'lum', 'ost', 'ryn', 'zal', 'hex'];
