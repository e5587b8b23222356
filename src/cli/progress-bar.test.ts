import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run/protocol';
import { memoryIo } from './io';
import { BAR_REDRAW_MS, createTerminalProgress, renderBar } from './progress-bar';
import { progressSink } from './progress-sink';

const started: RunEvent = {
  type: 'started',
  totalSteps: 10,
  stepsPerEpoch: 5,
  cells: {},
  trainCount: 10,
  validCount: 10,
  testCount: 5,
  paramCount: 100,
};
const step = (n: number): RunEvent => ({
  type: 'step',
  step: n,
  epoch: n <= 5 ? 1 : 2,
  trainLoss: 0.5,
  trainAcc: 0.75,
  alphaLoss: 0.6,
  elapsedMs: 1500,
});

describe('terminal progress bar', () => {
  it('fills its cells in proportion and fits the width', () => {
    expect(renderBar('training', 5, 10, 'epoch 1', 100)).toBe(
      'training [############------------]  50% 5/10 · epoch 1',
    );
    expect(renderBar('search', 0, 0, '', 100)).toBe('search [------------------------]   0% 0/0');
    const cut = renderBar('training', 10, 10, 'x'.repeat(200), 60);
    expect(cut).toHaveLength(60);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('draws steps and search progress as the bar, at most every redraw interval but always the last', () => {
    let now = 0;
    const take = createTerminalProgress(() => now, 100);
    expect(take(started).lines[0]).toMatch(/^started: 10 steps/);
    expect(take(step(1)).bar).toMatch(
      /^training \[.*\] {2}10% 1\/10 · epoch 1 · loss 0.5000 · 1.5 s$/,
    );
    now = BAR_REDRAW_MS - 1;
    expect(take(step(2)).bar).toBeNull();
    expect(take(step(10)).bar).toMatch(/100% 10\/10/);
    now = 10 * BAR_REDRAW_MS;
    const search = take({ type: 'progress', phase: 'search', done: 3, total: 12 });
    expect(search).toEqual({ lines: [], bar: expect.stringMatching(/^search \[.*\] {2}25% 3\/12$/) });
    expect(take({ type: 'phase', phase: 'search', message: 'Searching.' }).lines).toEqual([
      'phase search: Searching.',
    ]);
  });

  it('on a terminal prints lines above the bar and redraws it; piped, prints plain lines only', () => {
    const drawn: (string | null)[] = [];
    const tty = {
      ...memoryIo(),
      live: { draw: (l: string | null) => drawn.push(l), columns: 100 },
    };
    const sink = progressSink(tty, () => 0);
    sink(started);
    sink(step(1));
    sink({ type: 'eval', step: 5, epoch: 1, validLoss: 0.4, validAcc: 0.8 });
    expect(tty.stderr).toEqual([
      expect.stringMatching(/^started: /),
      'epoch 1: validation accuracy 80.0%, loss 0.4000',
    ]);
    expect(drawn[0]).toMatch(/^training /);
    expect(drawn.slice(1)).toEqual([null, drawn[0]]);
    const piped = memoryIo();
    const plain = progressSink(piped, () => 0);
    plain(started);
    plain(step(1));
    expect(piped.stderr[1]).toBe(
      'step 1/10 · epoch 1 · loss 0.5000 · batch accuracy 75.0% · 1.5 s',
    );
  });
});
