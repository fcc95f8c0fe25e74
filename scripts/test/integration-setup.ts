// Vitest global setup for *.integration.test.ts: a real PostgreSQL server for the run, and the
// template databases each file's own database is copied from (./templates.ts).
// Under `npm test` the orchestrator passes its server as TEST_PG_URL; run alone, we start one.
import type { TestProject } from "vitest/node";
import { startTestCluster } from "../db/throwaway";
import { createTestTemplates, type TestTemplates } from "./templates";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    testTemplates: TestTemplates;
  }
}

export default async function setup(project: TestProject) {
  const cluster = process.env.TEST_PG_URL ? undefined : await startTestCluster();
  const serverUrl = process.env.TEST_PG_URL ?? cluster?.url("postgres") ?? "";
  const { templates, dispose } = await createTestTemplates(serverUrl);
  project.provide("pgServerUrl", serverUrl);
  project.provide("testTemplates", templates);
  return async () => {
    await dispose();
    await cluster?.stop();
  };
}
