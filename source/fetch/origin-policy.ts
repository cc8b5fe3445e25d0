// Where the token may go, and which redirects and Links are taken (issue 7 §4, hub-api.md §11).
// The token goes only to the trusted origins: the Hub (HF_ENDPOINT) and the dataset viewer.
// An API call follows same-origin redirects only (a renamed repository answers 307 with a
// relative Location): one to another origin is refused. A file download (issue 10) may follow
// a redirect to another origin, a CDN, but without the token. A `Link: rel="next"` must stay
// on the origin of the page that gave it. Only http and https are ever followed.
import { RefusedAnswer } from './refused.js';

/** What a redirect to another origin does: refused (API calls) or followed without the token
 *  (file downloads from a CDN). */
export type CrossOriginRedirects = 'refuse' | 'follow-without-token';

export const isWebUrl = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

/** `scheme://host[:port]` of a URL, for messages (no path, no query: nothing a server chose
 *  beyond the address). */
function where(url: URL): string {
  return isWebUrl(url) ? url.host : `${url.protocol} URL`;
}

export class OriginPolicy {
  private readonly trusted: ReadonlySet<string>;

  /** `trustedOrigins`: base URLs whose origins get the token. */
  constructor(
    trustedOrigins: Iterable<string>,
    readonly crossOrigin: CrossOriginRedirects = 'refuse',
  ) {
    const origins = new Set<string>();
    for (const base of trustedOrigins) {
      const url = new URL(base);
      if (isWebUrl(url)) origins.add(url.origin);
    }
    this.trusted = origins;
  }

  /** True when a request to this URL may carry the token. */
  carriesToken(url: URL): boolean {
    return isWebUrl(url) && this.trusted.has(url.origin);
  }

  /** The next URL of a redirect from `from`, or a RefusedAnswer saying why it is not taken. */
  redirectTarget(from: URL, location: string | undefined, hops: number, maxHops: number): URL {
    if (location === undefined || location.trim() === '') throw new RefusedAnswer(`a redirect from ${from.host} without a Location`);
    let target: URL;
    try {
      target = new URL(location.trim(), from);
    } catch {
      throw new RefusedAnswer(`a redirect from ${from.host} to an unreadable Location`);
    }
    if (!isWebUrl(target)) throw new RefusedAnswer(`a redirect from ${from.host} to a non-http(s) ${where(target)}: refused`);
    if (hops >= maxHops) throw new RefusedAnswer(`more than ${maxHops} redirects from ${from.host}`);
    if (target.origin !== from.origin && this.crossOrigin === 'refuse') {
      throw new RefusedAnswer(`a redirect from ${from.host} to another origin (${where(target)}): refused, the token stays with ${from.host}`);
    }
    return target;
  }
}

/** A `Link: rel="next"` target, checked: http(s) and the same origin as the page that gave it,
 *  else a RefusedAnswer (the item fails with that line; nothing is sent there). */
export function checkedLink(target: string, pageUrl: string): string {
  const page = new URL(pageUrl);
  let next: URL;
  try {
    next = new URL(target, page);
  } catch {
    throw new RefusedAnswer(`the next-page Link from ${page.host} is not a URL`);
  }
  if (!isWebUrl(next)) throw new RefusedAnswer(`the next-page Link from ${page.host} points to a non-http(s) ${where(next)}: refused`);
  if (next.origin !== page.origin) {
    throw new RefusedAnswer(`the next-page Link from ${page.host} points to another origin (${where(next)}): refused`);
  }
  return next.href;
}
