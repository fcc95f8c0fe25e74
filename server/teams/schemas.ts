import { z } from "zod";
import { emailAddress } from "../users/schemas";
import { recordId } from "../views/schemas";

export const teamName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");

export const createTeamInput = z.object({ name: teamName });
export const inviteInput = z.object({ teamId: recordId, email: emailAddress });
export const invitationIdInput = z.object({ invitationId: recordId });
export const removeMemberInput = z.object({ teamId: recordId, userId: recordId });
