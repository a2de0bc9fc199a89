import Link from "next/link";
import { NavLink } from "./nav-link";

// Every console page reads the database at request time; none may be prerendered at build time.
export const dynamic = "force-dynamic";

const NAVIGATION = [
  { href: "/", label: "Dashboard" },
  { href: "/jobs", label: "Jobs" },
  { href: "/packages", label: "Packages" },
  { href: "/instruction-box", label: "Instruction box" },
  { href: "/sites", label: "Sites" },
  { href: "/computers", label: "Computers" },
  { href: "/machine-groups", label: "Machine groups" },
  { href: "/rules", label: "Rules" },
  { href: "/import-export", label: "Import / Export" },
];

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-slate-800 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-2">
          <Link href="/" className="font-semibold text-white no-underline hover:no-underline">
            SMS Console
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
            {NAVIGATION.map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
      <footer className="border-t border-slate-200 py-3 text-center text-xs text-slate-500">
        Times are the site server&apos;s wall clock: SMS 1.x did no time-zone conversion.
      </footer>
    </div>
  );
}
