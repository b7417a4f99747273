// The one call the tests make into Citation.js (devDependency; it ships no types): read BibTeX text.
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(input: string, options: { forceType: string; generateGraph: boolean }): unknown[] };
  };
}
declare module '@citation-js/plugin-bibtex';
