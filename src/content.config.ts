import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CONTENT, env } from './config.ts';
import { paperLoader } from './papers/loader.ts';
import { paperSchema } from './papers/schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets tests and the benchmark build from a scratch collection.
  loader: paperLoader(env.papersDir()),
  schema: paperSchema,
});

/** Optional editorial notes for a digest day: `content/notes/YYYY-MM-DD.mdx`. */
const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: CONTENT.notes, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.object({ title: z.string().optional() }),
});

export const collections = { papers, notes };
