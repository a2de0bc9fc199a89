import "server-only";
import { db } from "@/lib/db";

/**
 * Sign-in attempts are limited per account and per address, in the database so that the limit
 * holds across restarts and across console instances. Each step is one conditional UPDATE, so two
 * requests racing for the last attempt cannot both get it.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_ATTEMPTS_PER_ACCOUNT = 10;
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 50;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

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

/** Counts one sign-in attempt; refused when the account or the address has used up its window. */
export async function takeSignInAttempt(options: { email: string | null; address: string | null; now?: Date }): Promise<ThrottleDecision> {
  const now = options.now ?? new Date();
  const byAddress = await take(addressKey(options.address), SIGN_IN_ATTEMPTS_PER_ADDRESS, now);
  if (!byAddress.allowed) return byAddress;
  if (options.email === null) return byAddress;
  return take(accountKey(options.email), SIGN_IN_ATTEMPTS_PER_ACCOUNT, now);
}

/** A successful sign-in clears the account's count: its owner knows the password. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}
