import Link from "next/link";
import { can, type Permission, ROLE_LABELS } from "@/lib/access/roles";
import { currentActor } from "@/lib/data/session";
import { signOutAction } from "../sign-in/actions";
import { redirectToSignIn } from "./access";
import { NavLink } from "./nav-link";

// Every console page reads the database at request time; none may be prerendered at build time.
export const dynamic = "force-dynamic";

const NAVIGATION: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Dashboard", permission: "console:read" },
  { href: "/jobs", label: "Jobs", permission: "console:read" },
  { href: "/packages", label: "Packages", permission: "console:read" },
  { href: "/instruction-box", label: "Instruction box", permission: "console:read" },
  { href: "/sites", label: "Sites", permission: "console:read" },
  { href: "/computers", label: "Computers", permission: "console:read" },
  { href: "/machine-groups", label: "Machine groups", permission: "console:read" },
  { href: "/rules", label: "Rules", permission: "console:read" },
  { href: "/import-export", label: "Import / Export", permission: "console:read" },
  { href: "/users", label: "Users", permission: "users:manage" },
  { href: "/audit", label: "Audit", permission: "audit:read" },
];

// The layout only shapes the page for the signed-in user; every page, action and route handler
// checks the session again through the data layer (lib/data/session.ts).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-slate-800 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-2">
          <Link href="/" className="font-semibold whitespace-nowrap text-white no-underline hover:no-underline">
            SMS Console
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
            {NAVIGATION.filter((item) => can(actor.role, item.permission)).map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm whitespace-nowrap">
            <Link href="/account" className="text-slate-100 no-underline hover:underline" title="Your account">
              {actor.name} <span className="text-slate-300">({ROLE_LABELS[actor.role]})</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 text-slate-100 hover:bg-slate-700">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
      <footer className="border-t border-slate-200 py-3 text-center text-xs text-slate-500">
        Times are the site server&apos;s wall clock: SMS 1.x did no time-zone conversion.
      </footer>
    </div>
  );
}
