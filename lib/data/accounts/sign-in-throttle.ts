import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "../audit/audit";
import { authorize } from "./session";

/**
 * Sign-in attempts are limited per account and per address, in the database so that the limit
 * holds across restarts and across console instances. Each step is one conditional UPDATE, so two
 * requests racing for the last attempt cannot both get it.
 *
 * The account limit stops guessing from new places without letting a stranger lock the owner out:
 * an address the account has signed in from before (in the last 90 days) still gets its attempts
 * once the account's are used up, within that address's own limit. Successful sign-ins do not use
 * up an address's attempts.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_ATTEMPTS_PER_ACCOUNT = 10;
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 50;
export const KNOWN_ADDRESS_DAYS = 90;

export type ThrottleDecision = { allowed: true; isKnownAddress?: boolean } | { allowed: false; retryAfterSeconds: number };

async function take(key: string, limit: number, now: Date): Promise<ThrottleDecision> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  for (let attempt = 0; attempt < 3; attempt++) {
    const counted = await db.signInThrottle.updateMany({ where: { key, windowStartedAt: { gt: windowStart }, attempts: { lt: limit } }, data: { attempts: { increment: 1 } } });
    if (counted.count === 1) return { allowed: true };
    const restarted = await db.signInThrottle.updateMany({ where: { key, windowStartedAt: { lte: windowStart } }, data: { windowStartedAt: now, attempts: 1 } });
    if (restarted.count === 1) return { allowed: true };
    const bucket = await db.signInThrottle.findUnique({ where: { key } });
    if (bucket) {
      const retryAt = bucket.windowStartedAt.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
    }
    try {
      await db.signInThrottle.create({ data: { key, windowStartedAt: now, attempts: 1 } });
      return { allowed: true };
    } catch {
      // Another request created the bucket first; count against it.
    }
  }
  return { allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_MINUTES * 60 };
}

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string | null): string {
  return `address:${address ?? "unknown"}`;
}

/** The row remembering that the account signed in from the address; its window start is when. */
export function knownAddressKey(email: string, address: string): string {
  return `known:${email.trim().toLowerCase()} ${address}`;
}

async function isKnownAddress(email: string, address: string | null, now: Date): Promise<boolean> {
  if (address === null) return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000);
  return (await db.signInThrottle.count({ where: { key: knownAddressKey(email, address), windowStartedAt: { gt: since } } })) > 0;
}

/**
 * Counts one sign-in attempt; refused when the address has used up its window, or the account has
 * and the address is not one the account signed in from before.
 */
export async function takeSignInAttempt(options: { email: string | null; address: string | null; now?: Date }): Promise<ThrottleDecision> {
  const now = options.now ?? new Date();
  const byAddress = await take(addressKey(options.address), SIGN_IN_ATTEMPTS_PER_ADDRESS, now);
  if (!byAddress.allowed) return byAddress;
  if (options.email === null) return byAddress;
  const byAccount = await take(accountKey(options.email), SIGN_IN_ATTEMPTS_PER_ACCOUNT, now);
  if (byAccount.allowed || !(await isKnownAddress(options.email, options.address, now))) return byAccount;
  return { allowed: true, isKnownAddress: true };
}

/** Gives back the attempt a step that succeeded took from its address. */
export async function refundAddressAttempt(address: string | null): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key: addressKey(address), attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
}

/**
 * A successful sign-in clears the account's count (its owner knows the password), gives the address
 * its attempt back, and remembers the address as one the account signs in from.
 */
export async function recordSuccessfulSignIn(options: { email: string; address: string | null; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  await db.signInThrottle.deleteMany({ where: { key: accountKey(options.email) } });
  await refundAddressAttempt(options.address);
  if (options.address === null) return;
  const key = knownAddressKey(options.email, options.address);
  await db.signInThrottle.upsert({ where: { key }, create: { key, windowStartedAt: now, attempts: 0 }, update: { windowStartedAt: now } });
}

export async function clearSignInAttempts(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}

/**
 * An administrator's unlock (`sms user unlock`): the account's count starts again, for the owner who
 * signs in from a new address after someone used up the account's attempts.
 */
export async function unlockSignIn(options: { userId: string; email: string }): Promise<{ wasLocked: boolean }> {
  const actor = await authorize("users:manage", { type: "user", id: options.userId });
  return db.$transaction(async (tx) => {
    const removed = await tx.signInThrottle.deleteMany({ where: { key: accountKey(options.email) } });
    await recordAudit(tx, { actor, action: "user.unlock-sign-in", objectType: "user", objectId: options.userId, detail: `user ${options.email}; ${removed.count === 0 ? "had no failed attempts counted" : "failed attempts cleared"}` });
    return { wasLocked: removed.count > 0 };
  });
}
