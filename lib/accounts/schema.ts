import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

/** The sign-in form, shared by the page and its server action. */
export const signInSchema = z.object({
  email: z.string({ error: "Email is required" }).trim().toLowerCase().min(1, "Email is required").max(254, "Email is too long").pipe(z.email({ error: "Email must be an e-mail address" })),
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(PASSWORD_MAX_LENGTH, `Password is at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A six-digit code from an authenticator app, or a backup code. */
export const secondFactorSchema = z.object({
  code: z
    .string({ error: "Code is required" })
    .trim()
    .regex(/^(\d{6}|[A-Za-z0-9-]{8,20})$/, "Code must be the 6 digits your authenticator shows, or a backup code"),
});

export const confirmPasswordSchema = z.object({
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(PASSWORD_MAX_LENGTH, `Password is at most ${PASSWORD_MAX_LENGTH} characters`),
});
