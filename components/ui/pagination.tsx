import Link from "next/link";
import { redirect } from "next/navigation";

/**
 * Previous/next links that keep the other query parameters. A page past the last (an old link, a
 * list that shrank) goes to the last page rather than showing "page 5 of 1" with nothing on it.
 */
export function Pagination({ page, pageCount, total, noun, hrefFor }: { page: number; pageCount: number; total: number; noun: string; hrefFor: (page: number) => string }) {
  if (page > pageCount) redirect(hrefFor(pageCount));
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm text-slate-700">
      <span>
        {total.toLocaleString("en-US")} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pageCount}
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={hrefFor(page - 1)}>← Previous</Link> : <span className="text-slate-400">← Previous</span>}
        {page < pageCount ? <Link href={hrefFor(page + 1)}>Next →</Link> : <span className="text-slate-400">Next →</span>}
      </span>
    </nav>
  );
}
