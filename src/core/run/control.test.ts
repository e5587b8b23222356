import { describe, expect, it } from 'vitest';
import { createRunControl } from './control';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createRunControl', () => {
  it('lets steps through while running and refuses them once stopped', async () => {
    const c = createRunControl();
    expect(await c.gate()).toBe(true);
    c.stop();
    expect(await c.gate()).toBe(false);
    expect(c.isStopped()).toBe(true);
  });

  it('holds the loop while paused, single-steps, and resumes', async () => {
    const c = createRunControl();
    c.pause();
    let passed = 0;
    const loop = (async () => {
      while (await c.gate()) passed += 1;
    })();
    await tick();
    expect(passed).toBe(0);
    c.stepOnce();
    await tick();
    expect(passed).toBe(1);
    expect(c.state()).toBe('paused');
    c.resume();
    await tick();
    expect(passed).toBeGreaterThan(1);
    c.stop();
    await loop;
  });

  it('a paused loop ends when stopped', async () => {
    const c = createRunControl();
    c.pause();
    const pending = c.gate();
    c.stop();
    expect(await pending).toBe(false);
  });
});
