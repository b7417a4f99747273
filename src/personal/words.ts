/**
 * Words as the personal layer compares them: lower case, accents and marks dropped, split at
 * anything that is not a letter or a digit. One definition for the build (the words a day file
 * keeps) and the browser (what a watched word is matched against), so both cut text alike.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
