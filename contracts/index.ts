/**
 * The contracts between the campaign's workflows, its activities and its clients: every message
 * (signals, updates, queries) with its zod schema, the workflows' inputs and signatures, their ids
 * and task queues. This module depends on domain/ and zod only; workflows, activities and clients
 * all depend on it, never it on them (lint enforces).
 */
export * from './access-messages';
export * from './campaign-messages';
export * from './common';
export * from './ledger-messages';
export * from './notification-context';
export * from './task-queues';
export * from './unit-messages';
export * from './workflow-ids';
export * from './assessment';
export * from './duty-messages';
