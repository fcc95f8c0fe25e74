import { authedProcedure, router } from "../trpc";
import { addMemberInput, createTeamInput, removeMemberInput } from "./schemas";
import { addMember, createTeam, listTeams, removeMember } from "./service";

export const teamsRouter = router({
  list: authedProcedure.query(({ ctx }) => listTeams({ db: ctx.db, user: ctx.user })),
  create: authedProcedure.input(createTeamInput).mutation(({ ctx, input }) => createTeam({ db: ctx.db, user: ctx.user, name: input.name })),
  addMember: authedProcedure.input(addMemberInput).mutation(({ ctx, input }) => addMember({ db: ctx.db, user: ctx.user, ...input })),
  removeMember: authedProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember({ db: ctx.db, user: ctx.user, ...input })),
});
