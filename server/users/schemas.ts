// Inputs of account and user-management procedures, shared with their forms.
import { z } from "zod";
import { Role } from "../generated/prisma/enums";
import { PASSWORD_LENGTH } from "../auth/password-rules";
import { recordId } from "../views/schemas";
import { LOCALES } from "../i18n/locales";

/** Emails are compared in lower case, as Better Auth stores and looks them up. */
export const emailAddress = z
  .email("Enter an email address.")
  .max(254, "At most 254 characters.")
  .transform((email) => email.toLowerCase());

export const newPassword = z
  .string()
  .min(PASSWORD_LENGTH.min, `At least ${PASSWORD_LENGTH.min} characters.`)
  .max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters.`);

export const personName = z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");
export const role = z.enum(Role);

export const createUserInput = z.object({ name: personName, email: emailAddress, role, password: newPassword });
export const setRoleInput = z.object({ userId: recordId, role });
export const userIdInput = z.object({ userId: recordId });
export const resetPasswordInput = z.object({ userId: recordId, password: newPassword });

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_LENGTH.max), newPassword })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ["newPassword"], message: "Choose a password you are not using now." });

/** The sign-in form; Better Auth checks the same on its side. */
export const signInInput = z.object({
  email: emailAddress,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters.`),
});

/** The language menu's choice. */
export const localeInput = z.object({ locale: z.enum(LOCALES) });
