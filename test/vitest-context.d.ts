// Values test/global-setup.ts hands to every test file through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port` of the dev server shared by the whole run (or `$TEMPORAL_ADDRESS`). */
    temporalAddress: string;
    /** Launcher for the time-skipping test server; '' means "let the SDK download it". */
    testServerPath: string;
    /** Why the test server cannot be provisioned; '' when it can. Only time-skipping tests fail on it. */
    testServerError: string;
    /** The `temporal` CLI binary; '' means the SDK downloads one (restart tests then use it too). */
    temporalCliPath: string;
  }
}

export {};
