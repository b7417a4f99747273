import { defineCollection } from 'astro:content';
import { paperLoader } from './lib/paper-loader.ts';
import { paperSchema } from './lib/paper-schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets tests and the benchmark build from a scratch collection.
  loader: paperLoader(process.env.PAPERS_DIR ?? 'content/papers'),
  schema: paperSchema,
});

export const collections = { papers };
