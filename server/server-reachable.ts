import { Connection } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * True when a Temporal frontend answers at `address` and knows `namespace`. Checking the namespace,
 * not just the port, matters: the dev server accepts gRPC a moment before `default` is registered.
 */
export async function isServerReachable(address: string, namespace = 'default', timeoutMs = 2000): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: timeoutMs });
    const conn = connection;
    await conn.withDeadline(Date.now() + timeoutMs, () => conn.workflowService.describeNamespace({ namespace }));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

export interface WaitForServerOptions {
  address: string;
  namespace?: string;
  timeoutMs: number;
  /** Returns why waiting is pointless (the server process died), or undefined to keep waiting. */
  gaveUp?: () => string | undefined;
}

export async function waitForServer(options: WaitForServerOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const reason = options.gaveUp?.();
    if (reason !== undefined) throw new Error(reason);
    if (await isServerReachable(options.address, options.namespace, 1000)) return;
    if (Date.now() > deadline) {
      throw new Error(`The Temporal server at ${options.address} did not answer within ${options.timeoutMs / 1000}s.`);
    }
    await sleep(250);
  }
}
