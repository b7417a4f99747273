// wink-porter2-stemmer ships no type declarations; it exports one function (CommonJS).
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (Snowball English) stem of one lower-case word. */
  export default function stem(word: string): string;
}
