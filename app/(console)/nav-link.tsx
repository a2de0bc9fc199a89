"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const isCurrent = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`rounded px-1.5 py-1 whitespace-nowrap text-slate-100 no-underline hover:bg-slate-700 hover:no-underline ${isCurrent ? "bg-slate-900 font-medium" : ""}`}
    >
      {children}
    </Link>
  );
}
