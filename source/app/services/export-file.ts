// `e` on a screen (and `:export FILE`): write the current view as markdown to a file and say
// where. The folder and the file are cache/exports.ts's business (the cache's exports/ unless
// --export-dir; FILE relative to it).
export { exportMarkdown } from '../../cache/exports.js';
