import { ApplicationFailure } from '@temporalio/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { toCliError } from '../../client/errors';
import { rejectionOf } from '../../client/update-rejection';
import { isGrpcServiceError } from '../../temporal-client/error-kinds';

// The CLI tells Temporal's errors apart by name, without loading the SDK (temporal-client/error-kinds.ts):
// these are the SDK's own classes, so a rename in a new SDK release fails here.
describe('Temporal errors, told apart without loading the SDK', () => {
  it('names an unknown campaign and one that already exists', () => {
    const missing = toCliError(new WorkflowNotFoundError('not found', 'campaign:x', undefined));
    expect(missing.message).toBe('no campaign "campaign:x"');
    expect(missing.type).toBe('not_found');
    const taken = toCliError(new WorkflowExecutionAlreadyStartedError('taken', 'campaign:y', 'campaignWorkflow'), {
      campaignId: 'y',
    });
    expect(taken.message).toBe('a campaign with id "y" already exists');
    expect(taken.type).toBe('already_started');
  });

  it('reads the campaign’s reason out of a refused update', () => {
    const refused = new WorkflowUpdateFailedError(
      'update failed',
      ApplicationFailure.create({ type: 'duplicate_submission', message: 'already submitted' }),
    );
    expect(rejectionOf(refused)).toEqual({ type: 'duplicate_submission', message: 'already submitted' });
    expect(rejectionOf(new Error('update failed'))).toBeUndefined();
  });

  it('knows a gRPC failure by its shape', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'unavailable', metadata: {} });
    expect(isGrpcServiceError(grpc)).toBe(true);
    expect(isGrpcServiceError(new Error('14 UNAVAILABLE'))).toBe(false);
  });
});
