import type { CompiledMessage } from "icu-minify/format";

export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree };

/** The same tree, each message compiled. */
export function precompileMessages(tree: object): CompiledTree;

/** The loader: a messages file's JSON in, the same JSON with each message compiled out. */
export default function precompileLoader(source: string): string;
