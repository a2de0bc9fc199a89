import { z } from "zod";
import { ROLES } from "../access/roles";
import { oneOf, requiredText, text } from "../schema-fields";

/**
 * Users are made and changed by an administrator (users page, `sms user`) or, once, by the
 * first-run setup page. The password limits come from the pure policy file, so this schema never
 * pulls the argon2 binding into a bundle.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password-policy";

export const USER_PASSWORD_MIN_LENGTH = PASSWORD_MIN_LENGTH;
export const USER_PASSWORD_MAX_LENGTH = PASSWORD_MAX_LENGTH;
export const USER_NAME_MAX_LENGTH = 100;
export const USER_EMAIL_MAX_LENGTH = 254;

/** Email addresses are stored lower-cased, so one address is one user whatever its spelling. */
export const userEmailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Email is required" })
  .max(USER_EMAIL_MAX_LENGTH, { error: `Email must be at most ${USER_EMAIL_MAX_LENGTH} characters` })
  .pipe(z.email({ error: "Email must be an address such as name@example.com" }));

export const userRoleSchema = oneOf("Role", ROLES);

/** A new password, named by its field: taken as typed (no trimming, any characters), 12 to 128 of them. */
export function newPasswordSchema(label: string) {
  return z
    .string({ error: `${label} is required` })
    .min(1, { error: `${label} is required` })
    .min(USER_PASSWORD_MIN_LENGTH, { error: `${label} must be at least ${USER_PASSWORD_MIN_LENGTH} characters` })
    .max(USER_PASSWORD_MAX_LENGTH, { error: `${label} must be at most ${USER_PASSWORD_MAX_LENGTH} characters` });
}

export const userPasswordSchema = newPasswordSchema("Password");

export const createUserSchema = z.object({
  email: userEmailSchema,
  name: requiredText("Name", USER_NAME_MAX_LENGTH),
  role: userRoleSchema,
  password: userPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRoleSchema = z.object({ role: userRoleSchema });
export type SetRoleInput = z.infer<typeof setRoleSchema>;

export const resetPasswordSchema = z.object({ password: userPasswordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const disableUserSchema = z.object({ reason: text("Reason", 200) });
export type DisableUserInput = z.infer<typeof disableUserSchema>;

/** A form that asks for the password twice: the second must match the first. */
const confirmPassword = z.string({ error: "Confirm password is required" });
function passwordsMatch(value: { password: string; confirmPassword: string }): boolean {
  return value.password === value.confirmPassword;
}
const MISMATCH = { path: ["confirmPassword"], error: "Confirm password must match the password" };

export const createUserFormSchema = createUserSchema.extend({ confirmPassword }).refine(passwordsMatch, MISMATCH);
export const resetPasswordFormSchema = resetPasswordSchema.extend({ confirmPassword }).refine(passwordsMatch, MISMATCH);

/** The first-run setup page: the first user is always an administrator. */
export const firstAdministratorSchema = createUserSchema.omit({ role: true }).extend({ confirmPassword }).refine(passwordsMatch, MISMATCH);
export type FirstAdministratorInput = z.infer<typeof firstAdministratorSchema>;
