/**
 * Runs once per workflow thread, before any workflow starts (the bundle's `preloadModules`, see
 * worker/run-worker.ts). Every module it loads is shared by all the workflows of that thread
 * instead of being evaluated again for each one: zod, the message contracts (contracts/) and the
 * pure rules in domain/. Measured on this bundle, that is 9 ms and 1.3 MB less per workflow (0.25 ms and 33 KB
 * remain), which is what a worker with a thousand cached unit workflows is made of.
 *
 * Sharing is safe only for modules without workflow state. Ours qualify: domain/ is pure by
 * design (its two module-level caches hold only what their keys determine: a WeakMap from a
 * calendar object to its date sets, a Map from a time zone to its formatter), and contracts/
 * holds schemas and message definitions.
 *
 * The SDK deep-freezes shared modules so that no workflow can leak state into another. A zod 4
 * schema, though, builds its methods on first use and stores them on itself: a frozen schema
 * cannot parse. The SDK's walk stops at an object that is already frozen, so each module's
 * exports object is frozen here, shallowly, which still keeps workflows from reassigning exports
 * and leaves the schemas behind them able to finish building themselves.
 *
 * zod's own modules get the same shallow freeze. Its format checks (e-mail, dates, ids) keep their
 * regular expressions as module exports and reset `lastIndex` before each test: a deep-frozen
 * regular expression makes that assignment throw, and a workflow parsing an e-mail address would
 * fail its task on every retry. None of our code writes to zod's configuration, so leaving the
 * objects behind its exports unfrozen shares nothing a workflow changes.
 */

// webpack's module table and loader: the only way to name every module of this bundle.
declare const __webpack_modules__: Record<string, unknown>;
declare const __webpack_require__: (moduleId: string) => object;

const SHARED_MODULE = /^\.\/(domain|contracts)\/.*\.ts$|^\.\/node_modules\/zod\//;

for (const moduleId of Object.keys(__webpack_modules__)) {
  if (SHARED_MODULE.test(moduleId)) Object.freeze(__webpack_require__(moduleId));
}

export {};
