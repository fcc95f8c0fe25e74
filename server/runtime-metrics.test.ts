import { describe, expect, it } from "vitest";
import { isRecording, isRuntimeReport, recordPoolWait, reportRuntimeMetrics, requestStarted } from "./runtime-metrics";

const state = () => (globalThis as { maghrebRuntimeMetrics?: { inFlight: number; recording: boolean; poolWaitMs: number[] } }).maghrebRuntimeMetrics!;

describe("runtime metrics", () => {
  it("counts a request in flight until its answer ends, once however often the end is reported", () => {
    const before = state().inFlight;
    const answered = requestStarted("/api/trpc/views.list");
    expect(state().inFlight).toBe(before + 1);
    answered(3);
    answered(3);
    expect(state().inFlight).toBe(before);
  });

  it("measures nothing unless a supervisor asked for the figures over an IPC channel", () => {
    // Vitest's workers may have a channel; without RUNTIME_METRICS=ipc nothing starts.
    reportRuntimeMetrics({});
    expect(isRecording()).toBe(false);
    recordPoolWait(12);
    expect(state().poolWaitMs).toEqual([]);
  });

  it("tells its reports from other messages on the channel", () => {
    expect(isRuntimeReport({ type: "runtime-metrics", pid: 1 })).toBe(true);
    expect(isRuntimeReport({ type: "other" })).toBe(false);
    expect(isRuntimeReport("runtime-metrics")).toBe(false);
    expect(isRuntimeReport(null)).toBe(false);
  });
});
