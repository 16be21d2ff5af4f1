// A workflow whose activity and whose own failure both quote their input, to show that failure
// messages reach history encrypted (codec/failure-converter.js), not only payloads.
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';

export interface FailingActivities {
  failWith(marker: string): Promise<void>;
}

const { failWith } = proxyActivities<FailingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 1 },
});

export async function quotingFailureWorkflow(marker: string): Promise<void> {
  try {
    await failWith(marker);
  } catch (error) {
    // The activity's failure rides along as the cause: nested failures must be sealed too.
    throw ApplicationFailure.create({
      message: `the workflow gave up on ${marker}`,
      type: 'Quoted',
      nonRetryable: true,
      cause: error instanceof Error ? error : undefined,
    });
  }
}
