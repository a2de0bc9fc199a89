import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, twoFactor } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/security/socket-address";
import { authSecret } from "../sites/settings";
import { takeSignInAttempt } from "./sign-in-throttle";

// Kept apart from Better Auth so that reading them loads nothing heavy (the CLI, the .INS route).
import { clientAddress, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, trustedProxyHops } from "./client-address";
export { clientAddress, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, trustedProxyHops };

// Better Auth's admin plugin needs its roles as access-control roles; what each role may do in the
// console is decided by lib/access/roles.ts, so these carry no statements of their own.
const accessControl = createAccessControl({ user: ["list"] } as const);
const authRoles = {
  administrator: accessControl.newRole({ user: ["list"] }),
  operator: accessControl.newRole({ user: [] }),
  viewer: accessControl.newRole({ user: [] }),
};

/** Every path that checks a password or a second factor counts against the sign-in limit. */
const SIGN_IN_PATHS = new Set(["/sign-in/email", "/two-factor/verify-totp", "/two-factor/verify-backup-code", "/two-factor/verify-otp", "/two-factor/enable", "/two-factor/disable", "/change-password"]);

function createAuth(secret: string) {
  const publicUrl = process.env.SMS_PUBLIC_URL?.trim() || undefined;
  return betterAuth({
    appName: "SMS Console",
    secret,
    baseURL: publicUrl,
    database: prismaAdapter(db, { provider: databaseProvider() }),
    telemetry: { enabled: false },
    // Read with every session (lib/data/accounts/session.ts); written only by the console, never from a request body.
    user: { additionalFields: { mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false } } },
    // Its warnings are about features the console does not use (no base URL: no OAuth callbacks).
    logger: { level: "error" },
    emailAndPassword: {
      enabled: true,
      // Users are made by an administrator (users page, `sms user create`), never by sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: SESSION_ABSOLUTE_SECONDS,
      // Never extend expiresAt: it is the absolute end. Idle time is checked against updatedAt
      // (lib/data/accounts/session.ts), which every request touches.
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
    },
    // Better Auth's own per-address limiter, kept in the database; the per-account sign-in limit
    // is the hook below.
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100 },
    advanced: {
      cookiePrefix: "sms",
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // Better Auth's own limiter and session rows read the address from the same place as
      // clientAddress(): the connection, or X-Forwarded-For when proxies are trusted.
      ipAddress: { ipAddressHeaders: [trustedProxyHops() === 0 ? SOCKET_ADDRESS_HEADER : "x-forwarded-for"] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!SIGN_IN_PATHS.has(ctx.path)) return;
        const body = (ctx.body ?? {}) as { email?: unknown };
        // Paths used while signed in (second-factor set-up, password change) count against the
        // account that is signed in.
        const token = body.email === undefined ? await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret) : null;
        const session = token ? await ctx.context.internalAdapter.findSession(token) : null;
        const email = typeof body.email === "string" ? body.email : (session?.user.email ?? null);
        const decision = await takeSignInAttempt({ email, address: ctx.headers ? clientAddress(ctx.headers) : null });
        if (!decision.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
            code: "SIGN_IN_THROTTLED",
          });
        }
      }),
    },
    plugins: [
      admin({ ac: accessControl, roles: authRoles, defaultRole: "viewer", adminRoles: ["administrator"] }),
      twoFactor({ issuer: "SMS Console" }),
      // Lets server actions set and clear the session cookie; must stay last.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { smsAuth?: Promise<Auth> };

/** One Better Auth instance per process, created once the secret is known. */
export function getAuth(): Promise<Auth> {
  globalForAuth.smsAuth ??= authSecret().then(createAuth);
  return globalForAuth.smsAuth;
}
