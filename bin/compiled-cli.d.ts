/** The compiled CLI's path when it matches its sources, else undefined. */
export function freshCompiledCli(): string | undefined;
/** Compiles the CLI into dist/cli/ with its manifest; returns its path. */
export function compileCli(): string;
/** Runs the CLI, compiled when it can be, from the TypeScript sources otherwise. */
export function runCli(): void;
