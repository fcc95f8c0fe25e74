// Password length limits, shared by Better Auth's config, the zod schemas and the forms.
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;
