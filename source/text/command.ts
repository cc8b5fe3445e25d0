// How a suggestion to the user names hubscope (issue 9 item 10): `npx hubscope …` runs as
// written from a fresh clone after `npm install` (npx runs the project's own bin, built by the
// `prepare` script) and from a global install alike, where a bare `hubscope` is not on the
// PATH of a clone. Every message that tells the user a command to run uses it.
export const HUBSCOPE = 'npx hubscope';
