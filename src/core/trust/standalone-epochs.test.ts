import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import type { ExperimentSpec } from '../experiment/spec';
import { shortEpochsNote, standaloneEpochs } from './standalone-epochs';
import { mnistSpec } from './trust.testkit';

/** `spec` with its strategy's epochs set to `epochs`. */
const withEpochs = (spec: ExperimentSpec, epochs: number): ExperimentSpec => ({
  ...spec,
  strategy: { ...spec.strategy, epochs },
});

describe('standaloneEpochs', () => {
  it('is the run’s own epochs for DARTS', () => {
    expect(standaloneEpochs(mnistSpec('darts'))).toBe(10);
    expect(standaloneEpochs(withEpochs(mnistSpec('darts'), 7))).toBe(7);
    expect(standaloneEpochs(defaultExperiment('teaching', 'spiral'))).toBe(300);
  });

  it('is the DARTS default’s epochs for SPOS, whatever the SPOS supernet trains (one path a step)', () => {
    expect(mnistSpec('spos').strategy.epochs).toBe(40);
    expect(standaloneEpochs(mnistSpec('spos'))).toBe(10);
    expect(standaloneEpochs(withEpochs(mnistSpec('spos'), 9))).toBe(10);
  });

  it('is at least a one-shot supernet’s epochs for multi-trial, or the trials’ when longer', () => {
    expect(mnistSpec('multi-trial').strategy.epochs).toBe(3);
    expect(standaloneEpochs(mnistSpec('multi-trial'))).toBe(10);
    expect(standaloneEpochs(withEpochs(mnistSpec('multi-trial'), 12))).toBe(12);
  });

  it('stays within the epoch limits', () => {
    expect(standaloneEpochs(withEpochs(mnistSpec('darts'), 900))).toBe(500);
  });
});

describe('shortEpochsNote', () => {
  it('speaks just below the suggested epochs, not at or above them', () => {
    expect(shortEpochsNote(3, 4)).toContain('suggested 4');
    expect(shortEpochsNote(4, 4)).toBeNull();
    expect(shortEpochsNote(9, 4)).toBeNull();
  });

  it('says nothing for epochs the field refuses anyway, or without a suggestion', () => {
    expect(shortEpochsNote(Number.NaN, 4)).toBeNull();
    expect(shortEpochsNote(2.5, 4)).toBeNull();
    expect(shortEpochsNote(0, 4)).toBeNull();
    expect(shortEpochsNote(1, null)).toBeNull();
  });
});
