import { authedProcedure, router } from "../trpc";
import { acceptInvitation, cancelInvitation, declineInvitation, invite, myInvitations } from "./invitations";
import { createTeamInput, invitationIdInput, inviteInput, removeMemberInput } from "./schemas";
import { createTeam, listTeams, removeMember } from "./service";
import { localeOfRequest, speakerFor } from "../i18n/spoken";

export const teamsRouter = router({
  list: authedProcedure.query(({ ctx }) => listTeams({ db: ctx.db, user: ctx.user })),
  create: authedProcedure.input(createTeamInput).mutation(({ ctx, input }) => createTeam({ db: ctx.db, user: ctx.user, name: input.name })),
  /** Answers the same whether or not the address has an account. */
  invite: authedProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const answer = await invite({ db: ctx.db, user: ctx.user, ...input });
    // The notice is shown as it comes: in the language of the page that asked.
    return { ...answer, notice: speakerFor(localeOfRequest(ctx.headers))(answer.notice) };
  }),
  cancelInvitation: authedProcedure.input(invitationIdInput).mutation(({ ctx, input }) => cancelInvitation({ db: ctx.db, user: ctx.user, ...input })),
  myInvitations: authedProcedure.query(({ ctx }) => myInvitations({ db: ctx.db, user: ctx.user })),
  acceptInvitation: authedProcedure.input(invitationIdInput).mutation(({ ctx, input }) => acceptInvitation({ db: ctx.db, user: ctx.user, ...input })),
  declineInvitation: authedProcedure.input(invitationIdInput).mutation(({ ctx, input }) => declineInvitation({ db: ctx.db, user: ctx.user, ...input })),
  removeMember: authedProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember({ db: ctx.db, user: ctx.user, ...input })),
});
