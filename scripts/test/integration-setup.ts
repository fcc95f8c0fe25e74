// Vitest global setup for *.integration.test.ts: a real PostgreSQL server for the run.
// Under `npm test` the orchestrator passes its server as TEST_PG_URL; run alone, we start one.
import type { TestProject } from "vitest/node";
import { startTestCluster } from "../db/throwaway";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_PG_URL) {
    project.provide("pgServerUrl", process.env.TEST_PG_URL);
    return;
  }
  const cluster = await startTestCluster();
  project.provide("pgServerUrl", cluster.url("postgres"));
  return () => cluster.stop();
}
