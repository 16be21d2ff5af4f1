import { describe, expect, it } from 'vitest';
import { loadWorkerTuning, WorkerConfigError } from '../../config/worker-config';

describe('worker tuning from the environment', () => {
  it("leaves the SDK's cache size alone unless asked", () => {
    expect(loadWorkerTuning({})).toEqual({});
    expect(loadWorkerTuning({ CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: '' })).toEqual({});
  });

  it('caps the workflow cache', () => {
    expect(loadWorkerTuning({ CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: '250' })).toEqual({ maxCachedWorkflows: 250 });
  });

  it.each(['-1', '2.5', 'many'])('refuses %s, naming the variable', (value) => {
    expect(() => loadWorkerTuning({ CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: value })).toThrow(WorkerConfigError);
    expect(() => loadWorkerTuning({ CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: value })).toThrow(
      /^CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: /,
    );
  });
});
