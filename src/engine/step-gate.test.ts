import { describe, expect, it } from 'vitest';
import { createRunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { createStepGate, failedStatus, nonFiniteName } from './step-gate';

describe('createStepGate', () => {
  it('pauses on a non-finite loss, stays quiet on a single step, and says running once resumed', async () => {
    const control = createRunControl();
    const events: RunEvent[] = [];
    let step = 7;
    const gate = createStepGate(
      control,
      (e) => events.push(e),
      () => step,
    );
    gate.pauseForNonFinite(7, 'training loss NaN');
    expect(control.state()).toBe('paused');
    expect(events).toEqual([
      expect.objectContaining({ type: 'status', status: 'paused', step: 7 }),
    ]);
    expect((events[0] as { message: string }).message).toContain(
      'Step 7 produced a non-finite loss (training loss NaN)',
    );

    control.stepOnce();
    expect(await gate.proceed()).toBe(true);
    expect(events).toHaveLength(1);
    expect(gate.pausedForNonFinite()).toBe(true);

    step = 8;
    control.resume();
    expect(await gate.proceed()).toBe(true);
    expect(events[1]).toEqual({
      type: 'status',
      status: 'running',
      step: 8,
      message: 'Resumed at step 9.',
    });
    expect(gate.pausedForNonFinite()).toBe(false);

    control.stop();
    expect(await gate.proceed()).toBe(false);
  });

  it('names non-finite values and reports failures in plain words', () => {
    expect([NaN, Infinity, -Infinity].map(nonFiniteName)).toEqual(['NaN', 'Infinity', '-Infinity']);
    expect(failedStatus(3, new Error('out of memory'))).toEqual({
      type: 'status',
      status: 'failed',
      step: 3,
      message: 'The run failed at step 3: out of memory',
    });
    expect(failedStatus(0, new Error('  '))).toMatchObject({
      message: 'The run failed at step 0: an unknown error',
    });
  });
});
