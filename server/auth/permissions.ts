// Who may do what, as small predicates: procedures and pages ask these, never compare roles inline.
import type { Role } from "../generated/prisma/enums";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function isAdmin(user: Pick<SessionUser, "role"> | null): boolean {
  return user?.role === "admin";
}

/** Unknown or missing roles get the least privilege. */
export function roleOf(value: unknown): Role {
  return value === "admin" ? "admin" : "analyst";
}
