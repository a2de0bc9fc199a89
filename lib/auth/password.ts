import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are hashed with argon2id at OWASP's minimum (19 MiB, t=2, p=1); Better Auth's own
 * default, scrypt N=2^14, is below it. Each hash encodes its parameters, so raising them later
 * still verifies old hashes.
 */
export const ARGON2ID_PARAMETERS = { algorithm: 2 /* Algorithm.Argon2id, a const enum that isolated modules cannot read */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_PARAMETERS);
}

export async function verifyPassword(options: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(options.hash, options.password);
  } catch {
    // A malformed stored hash is a wrong password, never a crash of the sign-in page.
    return false;
  }
}
