import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface RawHistory {
  /** Every page of history as the server sent it, re-encoded to protobuf bytes. */
  bytes: Buffer;
  /** Every payload anywhere in it: inputs, results, memo, headers, failure details. */
  payloads: temporal.api.common.v1.IPayload[];
  /**
   * What the history holds in clear on purpose, by field: the search attributes the workflows set
   * (the server must read them to index them), as `name: value` text, and the summaries of workflows,
   * timers and activities the UI shows (`summary: …`, `details: …`; contracts/clear-summary.ts).
   */
  clear: string[];
}

/**
 * History as the server and its UI hold it: read page by page through the bare gRPC service, so no
 * data converter, codec or SDK helper stands between the server's bytes and the assertions.
 */
export async function rawHistory(client: Client, workflowId: string): Promise<RawHistory> {
  const pages: Buffer[] = [];
  const payloads: temporal.api.common.v1.IPayload[] = [];
  const clear: string[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId },
      maximumPageSize: 50,
      nextPageToken,
    });
    const history = temporal.api.history.v1.History.create(page.history ?? {});
    pages.push(Buffer.from(temporal.api.history.v1.History.encode(history).finish()));
    for (const event of page.history?.events ?? []) {
      if (isPatchBookkeeping(event)) continue;
      const indexed = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
      if (indexed) {
        for (const [name, value] of Object.entries(indexed)) clear.push(`${name}: ${utf8(value.data)}`);
        continue;
      }
      const { userMetadata, ...rest } = event;
      for (const [field, value] of Object.entries(userMetadata ?? {})) {
        if (value && typeof value === 'object' && 'data' in value) {
          const encoding = utf8((value as temporal.api.common.v1.IPayload).metadata?.['encoding']);
          const data = utf8((value as temporal.api.common.v1.IPayload).data);
          // A summary the codec sealed after all counts as a payload, so the ciphertext check sees it.
          if (encoding === 'json/plain') clear.push(`${field}: ${JSON.parse(data) as string}`);
          else payloads.push(value as temporal.api.common.v1.IPayload);
        }
      }
      collectPayloads(rest, payloads);
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken !== undefined);
  return { bytes: Buffer.concat(pages), payloads, clear };
}

/**
 * `patched()` leaves a marker and the TemporalChangeVersion search attribute, both in plain JSON by
 * the SDK's design (the server must read a search attribute to index it). They hold the patch id, a
 * constant of our code, never anything a user wrote, so they are not counted as payloads here.
 */
function isPatchBookkeeping(event: temporal.api.history.v1.IHistoryEvent): boolean {
  if (event.markerRecordedEventAttributes?.markerName === 'core_patch') return true;
  const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
  return (
    fields !== undefined && fields !== null && Object.keys(fields).every((name) => name === 'TemporalChangeVersion')
  );
}

const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

// Only the Payload message has both a metadata map and a bytes `data` field.
const isPayload = (value: object): value is temporal.api.common.v1.IPayload =>
  'metadata' in value && typeof value.metadata === 'object' && 'data' in value && value.data instanceof Uint8Array;

/** Walks the decoded protobuf objects (the test runner's module interop hides their classes). */
function collectPayloads(value: unknown, into: temporal.api.common.v1.IPayload[]): void {
  if (value !== null && typeof value === 'object' && isPayload(value)) into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectPayloads(item, into);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const item of Object.values(value)) collectPayloads(item, into);
  }
}
