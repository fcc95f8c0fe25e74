// Inputs of account and user-management procedures, shared with their forms.
import { z } from "zod";
import { said } from "../shared/said";
import { Role } from "../generated/prisma/enums";
import { PASSWORD_LENGTH } from "../auth/password-rules";
import { recordId } from "../views/schemas";
import { LOCALES } from "../i18n/locales";

/** Emails are compared in lower case, as Better Auth stores and looks them up. */
export const emailAddress = z
  .email(said("emailAddress"))
  .max(254, said("atMostCharsSentence", { max: 254 }))
  .transform((email) => email.toLowerCase());

export const newPassword = z
  .string()
  .min(PASSWORD_LENGTH.min, said("atLeastCharsSentence", { min: PASSWORD_LENGTH.min }))
  .max(PASSWORD_LENGTH.max, said("atMostCharsSentence", { max: PASSWORD_LENGTH.max }));

export const personName = z.string().trim().min(1, said("enterName")).max(100, said("atMostCharsSentence", { max: 100 }));
export const role = z.enum(Role);

export const createUserInput = z.object({ name: personName, email: emailAddress, role, password: newPassword });
export const setRoleInput = z.object({ userId: recordId, role });
export const userIdInput = z.object({ userId: recordId });
export const resetPasswordInput = z.object({ userId: recordId, password: newPassword });

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, said("enterCurrentPassword")).max(PASSWORD_LENGTH.max), newPassword })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ["newPassword"], message: said("newPasswordDiffers") });

/** The sign-in form; Better Auth checks the same on its side. */
export const signInInput = z.object({
  email: emailAddress,
  password: z.string().min(1, said("enterPassword")).max(PASSWORD_LENGTH.max, said("atMostCharsSentence", { max: PASSWORD_LENGTH.max })),
});

/** The language menu's choice. */
export const localeInput = z.object({ locale: z.enum(LOCALES) });
