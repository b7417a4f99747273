/** The static server tests serve built sites with: the one `npm run eval:search` uses too. */
export { contentType, resolveFile, serveStatic, type StaticServer } from '../../src/utils/static-server.ts';
