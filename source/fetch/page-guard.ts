// The end of a paginated list (issue 7 §8): a `Link: rel="next"` is followed only while it
// leads somewhere new and the pages stay within what the total implies — ceil(total / page
// size) + 2 pages when the server gives a total (X-Total-Count), MAX_PAGES_WITHOUT_TOTAL
// otherwise, MAX_PAGES at most — and while pages hold items. Past that, the list fails with
// one line instead of being read forever.
import { MAX_PAGES, MAX_PAGES_WITHOUT_TOTAL } from './limits.js';
import { RefusedAnswer } from './refused.js';

export class PageGuard {
  private readonly seen = new Set<string>();
  private total: number | null = null;
  private pageSize = 0;

  /** `what`: the list, for messages ("the commit list"). */
  constructor(private readonly what: string) {}

  get pages(): number {
    return this.seen.size;
  }

  /** The most pages this list may have, given what is known so far. */
  get maxPages(): number {
    if (this.total === null || this.pageSize === 0) return MAX_PAGES_WITHOUT_TOTAL;
    return Math.min(MAX_PAGES, Math.ceil(this.total / this.pageSize) + 2);
  }

  /** Call before requesting `url`. Throws RefusedAnswer when it was read already or one page
   *  more would exceed the bound. */
  visit(url: string): void {
    if (this.seen.has(url)) throw new RefusedAnswer(`${this.what} links back to a page already read (after ${this.pages} pages); stopped`);
    if (this.seen.size >= this.maxPages) {
      const bound = this.total === null ? `the most read without a total` : `what its total of ${this.total.toLocaleString('en-US')} implies`;
      throw new RefusedAnswer(`${this.what} goes on past ${this.maxPages} pages, ${bound}; stopped`);
    }
    this.seen.add(url);
  }

  /** Call with each page read: its item count, the server's total (checked) when it gave one,
   *  and whether it links to a next page. Throws RefusedAnswer for an empty page that links on. */
  read(items: number, total: number | null, hasNext: boolean): void {
    if (total !== null) this.total = total;
    if (this.seen.size === 1) this.pageSize = items; // the server's own page size
    if (items === 0 && hasNext) throw new RefusedAnswer(`${this.what} has an empty page that links to another; stopped`);
  }
}
