import { describe, expect, it } from 'vitest';
import type { EpochDiagnostics } from '../../core/run/protocol';
import {
  collapseSeries,
  dartsEsText,
  dartsPlusText,
  dartsPlusWouldStop,
  eigenvalueSeries,
} from './diagnostics-data';

/** Diagnostics of epochs 1..n with the given eigenvalues and skip counts (stable for `stable[i]` epochs). */
function epochs(
  eig: readonly (number | null)[],
  skips: readonly number[],
  stable: readonly number[] = [],
): EpochDiagnostics[] {
  return eig.map((e, i) => ({
    epoch: i + 1,
    step: 10 * (i + 1),
    hessianEigenvalue: e,
    skipCount: skips[i] ?? 0,
    parameterFreeCount: (skips[i] ?? 0) + 1,
    opCount: 8,
    stableEpochs: stable[i] ?? 0,
    alphaEntropy: 0.9,
  }));
}

const off = { earlyStop: 'off', warmupEpochs: 0, stableEpochs: 3 } as const;

describe('collapse diagnostics read-outs', () => {
  it('draws one point per epoch, with a gap where no eigenvalue was computed', () => {
    const d = epochs([null, 0.5, 0.7], [0, 1, 2]);
    expect(eigenvalueSeries(d)[0]?.points.map((p) => p.y)).toEqual([Number.NaN, 0.5, 0.7]);
    expect(collapseSeries(d).map((s) => s.points.map((p) => p.y))).toEqual([
      [0, 1, 2],
      [1, 2, 3],
    ]);
  });

  it('says when DARTS+ would have stopped a run that had it off, skipping the warm-up', () => {
    const d = epochs([null, 1, 1, 1], [2, 0, 2, 3]);
    expect(dartsPlusWouldStop(d, { warmupEpochs: 1, stableEpochs: 3 })).toEqual({
      epoch: 3,
      rule: 'skip-connections',
    });
    expect(dartsPlusText(d, null, { ...off, warmupEpochs: 1 })).toContain(
      'would have stopped this search after epoch 3',
    );
    expect(dartsPlusWouldStop(epochs([1, 1, 1], [0, 0, 0], [0, 1, 3]), off)).toEqual({
      epoch: 3,
      rule: 'stable-ranking',
    });
    expect(dartsPlusText(epochs([1], [0]), null, off)).toContain('neither of its rules has held');
  });

  it('repeats the stop message when DARTS+ stopped the run, and names the rules when it is on', () => {
    const stop = {
      rule: 'skip-connections',
      epoch: 4,
      step: 40,
      message: 'DARTS+ stopped the search after epoch 4: …',
    } as const;
    expect(dartsPlusText(epochs([1], [2]), stop, { ...off, earlyStop: 'darts+' })).toBe(
      stop.message,
    );
    expect(dartsPlusText(epochs([1], [1]), null, { ...off, earlyStop: 'darts+' })).toContain(
      'DARTS+ is on',
    );
    const undecided = epochs([1], [3]).map((d) => ({ ...d, alphaEntropy: 0.99 }));
    expect(dartsPlusText(undecided, null, { ...off, earlyStop: 'darts+' })).toContain(
      'does not read the derived cell yet',
    );
    expect(dartsPlusWouldStop(undecided, off)).toBeNull();
  });

  it('applies RobustDARTS’s ratio rule only with six eigenvalues from decided epochs, and names the epochs when it fires', () => {
    expect(dartsEsText(epochs([1, 1, 1, 1, 1], []), 0)).toContain('(5 so far)');
    expect(dartsEsText(epochs([1, 1, 1, 1, 1, 1.2], []), 0)).toContain('would not stop');
    expect(dartsEsText(epochs([null, 1, 1, 1, 1, 1, 2], []), 0)).toContain(
      'at epoch 2 to 2.00 at epoch 7',
    );
    expect(dartsEsText(epochs([1, 1, 1, 1, 1, 1, 2], []), 2)).toContain('(5 so far)');
    const undecided = epochs([1, 1, 1, 1, 1, 1, 2], []).map((d, i) => ({
      ...d,
      alphaEntropy: i < 2 ? 0.995 : 0.9,
    }));
    expect(dartsEsText(undecided, 0)).toContain('(5 so far)');
  });
});
