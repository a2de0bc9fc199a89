import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clearSignInAttempts, recordSuccessfulSignIn, SIGN_IN_ATTEMPTS_PER_ACCOUNT, SIGN_IN_ATTEMPTS_PER_ADDRESS, takeSignInAttempt, unlockSignIn } from "@/lib/data/accounts/sign-in-throttle";

function attemptInAnotherProcess(email: string, address: string) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsx, path.resolve("tests/support/take-sign-in-attempt.ts"), email, address], {
    encoding: "utf8",
    env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve("tsconfig.json") },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { allowed: boolean };
}

describe("sign-in throttle", () => {
  it("lets 10 attempts per account through in 15 minutes, even from 200 concurrent requests", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const decisions = await Promise.all(Array.from({ length: 200 }, (_, index) => takeSignInAttempt({ email: "Burst@Example.com", address: `203.0.113.${index}`, now })));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(SIGN_IN_ATTEMPTS_PER_ACCOUNT);
    const refused = decisions.find((decision) => !decision.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    // The account is the same whatever case it was typed in.
    expect((await takeSignInAttempt({ email: "burst@example.com", address: "203.0.113.250", now })).allowed).toBe(false);
  });

  it("keeps the count in the database, so a restarted or second console process still refuses", async () => {
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ACCOUNT; index++) expect((await takeSignInAttempt({ email: "restart@example.com", address: `198.51.100.${index}` })).allowed).toBe(true);
    expect(attemptInAnotherProcess("restart@example.com", "198.51.100.99").allowed).toBe(false);
    expect(attemptInAnotherProcess("someone-else@example.com", "198.51.100.98").allowed).toBe(true);
  });

  it("opens a new window after 15 minutes, and a successful sign-in clears the account's count", async () => {
    const start = new Date("2026-11-21T11:00:00Z");
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ACCOUNT; index++) await takeSignInAttempt({ email: "window@example.com", address: `192.0.2.${index}`, now: start });
    expect((await takeSignInAttempt({ email: "window@example.com", address: "192.0.2.100", now: new Date(start.getTime() + 14 * 60_000) })).allowed).toBe(false);
    expect((await takeSignInAttempt({ email: "window@example.com", address: "192.0.2.101", now: new Date(start.getTime() + 15 * 60_000 + 1000) })).allowed).toBe(true);
    await clearSignInAttempts("window@example.com");
    expect(await db.signInThrottle.findUnique({ where: { key: "account:window@example.com" } })).toBeNull();
  });

  it("limits one address across accounts too", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const decisions = [];
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ADDRESS + 5; index++) decisions.push(await takeSignInAttempt({ email: `spray-${index}@example.com`, address: "192.0.2.200", now }));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(SIGN_IN_ATTEMPTS_PER_ADDRESS);
  });

  it("lets nobody lock the owner out: ten wrong passwords from elsewhere leave the owner's own address its attempts", async () => {
    const start = new Date("2026-11-21T13:00:00Z");
    // The only administrator signed in from the office last week.
    await recordSuccessfulSignIn({ email: "only-admin@example.com", address: "192.0.2.10", now: new Date(start.getTime() - 7 * 24 * 60 * 60_000) });
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ACCOUNT; index++) expect((await takeSignInAttempt({ email: "only-admin@example.com", address: "203.0.113.66", now: start })).allowed).toBe(true);
    // The stranger, from anywhere new, is refused for the window...
    expect((await takeSignInAttempt({ email: "only-admin@example.com", address: "203.0.113.66", now: start })).allowed).toBe(false);
    expect((await takeSignInAttempt({ email: "only-admin@example.com", address: "203.0.113.67", now: start })).allowed).toBe(false);
    // ...while the administrator's own address still gets to try the right password.
    expect(await takeSignInAttempt({ email: "Only-Admin@example.com", address: "192.0.2.10", now: start })).toEqual({ allowed: true, isKnownAddress: true });
    // An address known to another account is no help.
    await recordSuccessfulSignIn({ email: "someone@example.com", address: "203.0.113.68", now: start });
    expect((await takeSignInAttempt({ email: "only-admin@example.com", address: "203.0.113.68", now: start })).allowed).toBe(false);
    // An address not used for 90 days is forgotten.
    await recordSuccessfulSignIn({ email: "old@example.com", address: "192.0.2.11", now: new Date(start.getTime() - 91 * 24 * 60 * 60_000) });
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ACCOUNT; index++) await takeSignInAttempt({ email: "old@example.com", address: `198.51.100.${index}`, now: start });
    expect((await takeSignInAttempt({ email: "old@example.com", address: "192.0.2.11", now: start })).allowed).toBe(false);
  });

  it("does not count successful sign-ins against the address", async () => {
    const now = new Date("2026-11-21T14:00:00Z");
    for (let index = 0; index < SIGN_IN_ATTEMPTS_PER_ADDRESS * 2; index++) {
      const email = `office-${index % 7}@example.com`;
      expect((await takeSignInAttempt({ email, address: "192.0.2.50", now })).allowed).toBe(true);
      await recordSuccessfulSignIn({ email, address: "192.0.2.50", now });
    }
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: "address:192.0.2.50" } })).attempts).toBe(0);
  });

  it("unlocks an account for an administrator, with an audit row", async () => {
    const now = new Date();
    for (let index = 0; index <= SIGN_IN_ATTEMPTS_PER_ACCOUNT; index++) await takeSignInAttempt({ email: "locked@example.com", address: `198.51.100.${index}`, now });
    expect((await takeSignInAttempt({ email: "locked@example.com", address: "198.51.100.200", now })).allowed).toBe(false);
    expect(await unlockSignIn({ userId: "user-locked", email: "locked@example.com" })).toEqual({ wasLocked: true });
    expect((await takeSignInAttempt({ email: "locked@example.com", address: "198.51.100.200", now })).allowed).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.unlock-sign-in" } });
    expect(audit).toMatchObject({ objectType: "user", objectId: "user-locked", outcome: "success" });
  });
});
