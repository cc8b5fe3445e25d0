// `e` on a screen: write the current view as markdown to a file and say where. The folder and
// the file are cache/exports.ts's business (the cache's exports/ unless --export-dir).
export { exportMarkdown } from '../cache/exports.js';
