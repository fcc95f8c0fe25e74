import { z } from "zod";
import { said } from "../shared/said";
import { emailAddress } from "../users/schemas";
import { recordId } from "../views/schemas";

export const teamName = z.string().trim().min(2, said("atLeastCharsSentence", { min: 2 })).max(80, said("atMostCharsSentence", { max: 80 }));

export const createTeamInput = z.object({ name: teamName });
export const inviteInput = z.object({ teamId: recordId, email: emailAddress });
export const invitationIdInput = z.object({ invitationId: recordId });
export const removeMemberInput = z.object({ teamId: recordId, userId: recordId });
