import { describe, expect, it } from 'vitest';
import { createRunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { createStepGate } from '../engine/step-gate';
import { stopWhenPaused } from './headless';

describe('a headless run that pauses itself', () => {
  it('is stopped, so the loop’s next gate ends the run instead of waiting for a resume', async () => {
    const control = createRunControl();
    const events: RunEvent[] = [];
    const stop = stopWhenPaused(control);
    const gate = createStepGate(
      control,
      (e) => {
        events.push(e);
        stop(e);
      },
      () => 7,
    );
    expect(await gate.proceed()).toBe(true);
    gate.pauseForNonFinite(7, 'training loss NaN');
    expect(control.state()).toBe('stopped');
    expect(await gate.proceed()).toBe(false);
    expect(events).toEqual([
      expect.objectContaining({ type: 'status', status: 'paused', step: 7 }),
    ]);
  });

  it('leaves a running run alone', () => {
    const control = createRunControl();
    const stop = stopWhenPaused(control);
    stop({ type: 'status', status: 'running', step: 1, message: '' });
    expect(control.state()).toBe('running');
  });
});
