import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { newPasswordSchema, userEmailSchema } from "@/lib/users/schema";

/** The sign-in form, shared by the page and its server action. */
export const signInSchema = z.object({
  email: userEmailSchema,
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

/** A user changing their own password: the current one, and the new one typed twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Current password is required" }).min(1, "Current password is required").max(PASSWORD_MAX_LENGTH, `Current password is at most ${PASSWORD_MAX_LENGTH} characters`),
    newPassword: newPasswordSchema("New password"),
    confirmPassword: z.string({ error: "Confirm new password is required" }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], error: "Confirm new password must match the new password" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], error: "New password must differ from the current one" });
