// RFC 8288 Link headers: the rel="next" target, resolved against the request URL so that both
// relative (`</api/…?p=1>`) and absolute targets work (hub-api.md §5, §8), and checked by
// origin-policy.ts: a target on another origin or scheme is refused, never followed.
import { checkedLink } from './origin-policy.js';

/** The next page's URL, or null when there is none. Throws RefusedAnswer when the target is
 *  on another origin or not http(s). */
export function nextLink(header: string | null | undefined, requestUrl: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!match) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(match[2]!);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('next')) continue;
    return checkedLink(match[1]!.trim(), requestUrl);
  }
  return null;
}

/** `org/name` → `org/name` with each segment percent-encoded (the slash kept). */
export function encodeRepo(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}
