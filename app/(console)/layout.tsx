import Link from "next/link";
import { can, type Permission, ROLE_LABELS } from "@/lib/access/roles";
import { DEMO_ADMINISTRATOR } from "@/lib/data/accounts/first-run";
import { currentActor } from "@/lib/data/accounts/session";
import { signOutAction } from "../sign-in/actions";
import { redirectToPasswordChange, redirectToSignIn } from "./access";
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
  { href: "/queries", label: "Queries", permission: "console:read" },
  { href: "/rules", label: "Rules", permission: "console:read" },
  { href: "/import-export", label: "Import / Export", permission: "console:read" },
  { href: "/users", label: "Users", permission: "users:manage" },
  { href: "/audit", label: "Audit", permission: "audit:read" },
];

// The layout only shapes the page for the signed-in user; every page, action and route handler
// checks the session again through the data layer (lib/data/accounts/session.ts).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  if (actor.mustChangePassword) return redirectToPasswordChange();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#content" className="sr-only rounded bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">
        Skip to the content
      </a>
      <header className="bg-slate-800 text-white">
        {/* One row from 1280 px up; below that the name and Sign out stay on the first row and the nav scrolls sideways on its own. */}
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 xl:flex-nowrap">
          <Link href="/" className="font-semibold whitespace-nowrap text-white no-underline hover:no-underline">
            SMS Console
          </Link>
          <nav aria-label="Main" className="order-last -mx-1 flex w-full min-w-0 gap-0.5 overflow-x-auto text-sm xl:order-none xl:mx-0 xl:w-auto xl:shrink-0 xl:overflow-visible">
            {NAVIGATION.filter((item) => can(actor.role, item.permission)).map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <Link href="/account" className="min-w-0 truncate text-slate-100 no-underline hover:underline" title={`Your account: ${actor.name} (${ROLE_LABELS[actor.role]})`}>
              {actor.name} <span className="hidden text-slate-300 sm:inline">({ROLE_LABELS[actor.role]})</span>
            </Link>
            <form action={signOutAction} className="shrink-0">
              <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 whitespace-nowrap text-slate-100 hover:bg-slate-700">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6 focus:outline-none">
        {actor.name === DEMO_ADMINISTRATOR.email && (
          <p role="note" className="mb-4 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You are signed in as the demo administrator, whose password was printed on the console&apos;s screen. <Link href="/users/new">Create an administrator of your own</Link>, sign in
            as them, and disable this demo account in Users.
          </p>
        )}
        {children}
      </main>
      <footer className="border-t border-slate-200 py-3 text-center text-xs text-slate-500">
        Times are the site server&apos;s wall clock: SMS 1.x did no time-zone conversion.
      </footer>
    </div>
  );
}
