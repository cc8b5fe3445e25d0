// Text from the Hub or a file is untrusted: strip terminal control sequences before it is
// stored or drawn (ANSI CSI/OSC/DCS sequences, C0 and C1 control characters).

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST),
// and the other escapes (ESC, intermediates 0x20-0x2F, one final 0x30-0x7E: ESC 7, ESC ( B).
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|\u001b\\|$)/g;
// Remaining C0 (except none), DEL and C1 controls; bidi overrides that can reorder a line.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without terminal control sequences or control characters (newlines and tabs
 *  become spaces, so one value stays on one line). */
export function sanitize(text: string): string {
  if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  return text.replace(ESCAPES, '').replace(/[\t\n\r]/g, ' ').replace(CONTROLS, '');
}

/** sanitize() for optional values; empty results become null. */
export function sanitizeOptional(text: unknown): string | null {
  if (text === null || text === undefined) return null;
  const clean = sanitize(String(text)).trim();
  return clean === '' ? null : clean;
}
