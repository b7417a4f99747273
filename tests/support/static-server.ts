/** The static server tests serve built sites with: the one `npm run eval:search` uses too. */
export { serveStatic, type StaticServer } from '../../src/utils/static-server.ts';
