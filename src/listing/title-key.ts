/**
 * The identity of a paper across listings: its title, normalised so that the same paper
 * captured by different tools (case, punctuation, accents, spacing, invisible characters)
 * matches, while what tells two papers apart stays: `C++` is not `C#`, and a title with an
 * emoji is not the same title without it.
 */

// Zero-width spaces and joiners, soft hyphens, word joiners, variation selectors, byte-order
// marks: characters that change how a title is stored but not what it says.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// Symbols and `#` are words of their own, so `C++`, `C #` and `C#` stay distinct from `C`,
// and `Vision+Language` reads like `Vision + Language`. Not among them: modifier symbols
// (\p{Sk}: `^`, skin tones) and LaTeX's `$` and `~`, which vary between tools that render the
// same title (`$M^3$ViT`, `M³ViT`).
const SYMBOL = /(?![$~])[\p{Sm}\p{Sc}\p{So}#]/gu;
const NOT_A_WORD = /(?:(?![\p{L}\p{N}\p{Sm}\p{Sc}\p{So}#])[\s\S]|[$~])+/gu;

export function titleKey(title: string): string {
  return title
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SYMBOL, ' $& ')
    .replace(NOT_A_WORD, ' ')
    .trim();
}

/**
 * The rule paper files were keyed by before symbols counted: letters and digits only. Ingest
 * uses it to recognise a paper file written then, and rewrites its key (ingest.ts).
 */
export function legacyTitleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
