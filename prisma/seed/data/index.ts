// Everything the seed loads, in one import.
export * from "./types";
export * from "./countries";
export * from "./dyads";
export * from "./places";
export * from "./history";
export * from "./article";
export * from "./record";
