import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { paperLoader } from './lib/paper-loader.ts';
import { paperSchema } from './lib/paper-schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets tests and the benchmark build from a scratch collection.
  loader: paperLoader(process.env.PAPERS_DIR ?? 'content/papers'),
  schema: paperSchema,
});

/** Optional editorial notes for a digest day: `content/notes/YYYY-MM-DD.mdx`. */
const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/notes', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.object({ title: z.string().optional() }),
});

export const collections = { papers, notes };
