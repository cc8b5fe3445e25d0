// Hub repository ids: `namespace/name`, or a legacy one-segment id such as `gpt2`.

// Letters and digits of any script (CJK names occur), `_`, `.` and `-`; no spaces or controls.
const REPO_ID = /^(?:[\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*\/)?[\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*$/u;

export function isRepoId(id: string): boolean {
  return id.length <= 200 && REPO_ID.test(id) && !id.includes('..');
}

/** The repo id inside a leaderboard `Model` cell (an HTML link or a URL), if any. */
export function repoFromLink(cell: string): string | null {
  const match = /huggingface\.co\/([\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*(?:\/[\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*)?)/u.exec(cell);
  return match ? match[1]! : null;
}

export function namespaceOf(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? '' : id.slice(0, slash);
}

export function nameOf(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}
