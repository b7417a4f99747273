/**
 * Pagefind's excerpt as pieces a result card can show: plain text and highlighted words, with
 * "…" where the excerpt cuts into the paper's text, and the highlights trimmed to the word
 * (Pagefind marks the whole space-separated token, so "(Attention)," would be highlighted
 * with its brackets and comma).
 */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * @param pieces the excerpt's text and `<mark>` contents, in order
 * @param content the record's whole indexed text, to tell whether the excerpt starts or ends it
 */
export function excerptPieces(pieces: ExcerptPiece[], content: string): ExcerptPiece[] {
  const out: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = out.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else out.push({ text, mark });
  };
  for (const piece of pieces) {
    if (!piece.mark) {
      push(piece.text, false);
      continue;
    }
    const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(piece.text) ?? [];
    push(before, false);
    push(word, true);
    push(after, false);
  }
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const shown = squash(out.map((p) => p.text).join(''));
  const whole = squash(content);
  if (shown === '' || whole === '') return out;
  if (!whole.startsWith(shown.slice(0, 40))) out.unshift({ text: '… ', mark: false });
  if (!whole.endsWith(shown.slice(-40))) out.push({ text: ' …', mark: false });
  return out;
}
