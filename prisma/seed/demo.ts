// Demo accounts: created with the embedded database, or with SEED_DEMO=1, never otherwise.
export const DEMO_PASSWORD = "maghreb-demo";

export const demoAccounts = [
  { email: "admin@example.com", name: "Amina Admin", role: "admin", password: DEMO_PASSWORD },
  // The second admin: publishes or returns the first one's drafts (four eyes, server/drafts/).
  { email: "reviewer@example.com", name: "Rania Reviewer", role: "admin", password: DEMO_PASSWORD },
  { email: "analyst@example.com", name: "Alex Analyst", role: "analyst", password: DEMO_PASSWORD },
  { email: "analyst2@example.com", name: "Sam Analyst", role: "analyst", password: DEMO_PASSWORD },
  { email: "outsider@example.com", name: "Olu Outsider", role: "analyst", password: DEMO_PASSWORD },
] as const;

export const demoTeams = [
  {
    name: "North Africa desk",
    members: [
      { email: "analyst@example.com", role: "OWNER" },
      { email: "analyst2@example.com", role: "MEMBER" },
    ],
  },
  { name: "Sahel desk", members: [{ email: "outsider@example.com", role: "OWNER" }] },
] as const;
