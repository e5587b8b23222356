import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../bridge/types';
import {
  defaultDarts,
  defaultMultiTrial,
  defaultSpos,
  NO_CONSTRAINTS,
} from '../core/experiment/defaults';
import type { StrategySpec } from '../core/experiment/spec';
import { spaceSize } from '../core/search-space/size';
import { createStudioStore } from './studio-store';

const noClient = (): EngineClient => {
  throw new Error('no worker in these tests');
};

function studio() {
  return createStudioStore(noClient);
}

/** The strategy of `store`, narrowed to `kind` (fails the test otherwise). */
function strategyOf<K extends StrategySpec['kind']>(
  store: ReturnType<typeof studio>,
  kind: K,
): Extract<StrategySpec, { kind: K }> {
  const s = store.getState().spec.strategy;
  expect(s.kind).toBe(kind);
  return s as Extract<StrategySpec, { kind: K }>;
}

describe('experiment slice: strategy kind', () => {
  it('switches kind to that kind’s defaults for the dataset and space size', () => {
    const store = studio();
    const { dataset, space } = store.getState().spec;
    const size = spaceSize(space);
    store.getState().setStrategyKind('spos');
    expect(store.getState().spec.strategy).toEqual(defaultSpos(dataset, size));
    store.getState().setStrategyKind('multi-trial');
    expect(store.getState().spec.strategy).toEqual(defaultMultiTrial(dataset, size));
    store.getState().setStrategyKind('darts');
    expect(store.getState().spec.strategy).toEqual(defaultDarts(dataset));
  });

  it('keeps the settings when the kind in effect is chosen again', () => {
    const store = studio();
    store.getState().setStrategyKind('spos');
    store.getState().setStrategyNumber('generations', 3);
    store.getState().setStrategyKind('spos');
    expect(strategyOf(store, 'spos').generations).toBe(3);
  });

  it('keeps the kind across a preset switch, at the new preset’s defaults', () => {
    const store = studio();
    store.getState().setStrategyKind('spos');
    store.getState().setStrategyNumber('generations', 3);
    store.getState().setPreset('nb201');
    const { dataset, space } = store.getState().spec;
    expect(dataset.id).toBe('mnist');
    expect(spaceSize(space)).toBe(15625n);
    expect(store.getState().spec.strategy).toEqual(defaultSpos(dataset, 15625n));

    store.getState().setStrategyKind('multi-trial');
    store.getState().setPreset('teaching');
    const after = store.getState().spec;
    expect(after.strategy).toEqual(defaultMultiTrial(after.dataset, spaceSize(after.space)));
  });

  it('keeps the kind across a dataset switch, sized to the composed space', () => {
    const store = studio();
    store.getState().setStrategyKind('multi-trial');
    store.getState().loadEmptyCell();
    const space = store.getState().spec.space;
    store.getState().setDataset('circles');
    const spec = store.getState().spec;
    expect(spec.dataset.id).toBe('circles');
    expect(spec.space).toBe(space);
    expect(spec.strategy).toEqual(defaultMultiTrial(spec.dataset, spaceSize(space)));
  });

  it('leaves the strategy’s numbers as set when the composer changes the space', () => {
    const store = studio();
    store.getState().setStrategyKind('multi-trial');
    store.getState().setStrategyNumber('trials', 7);
    const before = store.getState().spec.strategy;
    store.getState().loadEmptyCell();
    expect(spaceSize(store.getState().spec.space)).not.toBe(
      spaceSize(studio().getState().spec.space),
    );
    expect(store.getState().spec.strategy).toBe(before);
    expect(strategyOf(store, 'multi-trial').trials).toBe(7);
  });
});

describe('experiment slice: strategy numbers, search mode and constraints', () => {
  it('sets a number of the active kind, NaN included, and ignores fields the kind lacks', () => {
    const store = studio();
    store.getState().setStrategyNumber('alphaLr', 0.01);
    expect(strategyOf(store, 'darts').alphaLr).toBe(0.01);
    const darts = store.getState().spec;
    store.getState().setStrategyNumber('trials', 5);
    store.getState().setStrategyNumber('generations', 5);
    expect(store.getState().spec).toBe(darts);

    store.getState().setStrategyKind('spos');
    store.getState().setStrategyNumber('samples', 40);
    store.getState().setStrategyNumber('mutationProb', Number.NaN);
    expect(strategyOf(store, 'spos').samples).toBe(40);
    expect(strategyOf(store, 'spos').mutationProb).toBeNaN();
    const spos = store.getState().spec;
    store.getState().setStrategyNumber('alphaLr', 1);
    store.getState().setStrategyNumber('trials', 1);
    expect(store.getState().spec).toBe(spos);

    store.getState().setStrategyKind('multi-trial');
    store.getState().setStrategyNumber('sample', 2);
    store.getState().setStrategyNumber('weightLr', 0.05);
    expect(strategyOf(store, 'multi-trial').sample).toBe(2);
    expect(strategyOf(store, 'multi-trial').weightLr).toBe(0.05);
    const trial = store.getState().spec;
    store.getState().setStrategyNumber('samples', 9);
    store.getState().setStrategyNumber('topK', 9);
    expect(store.getState().spec).toBe(trial);
  });

  it('switches the search mode of SPOS and multi-trial and ignores it for DARTS', () => {
    const store = studio();
    const darts = store.getState().spec;
    store.getState().setSearchMode('random');
    expect(store.getState().spec).toBe(darts);

    store.getState().setStrategyKind('spos');
    store.getState().setSearchMode('random');
    expect(strategyOf(store, 'spos').search).toBe('random');
    store.getState().setSearchMode('evolution');
    expect(strategyOf(store, 'spos').search).toBe('evolution');

    store.getState().setStrategyKind('multi-trial');
    store.getState().setSearchMode('random');
    expect(strategyOf(store, 'multi-trial').search).toBe('random');
  });

  it('sets the zero-cost warm-up of multi-trial, and its pool as a number, ignoring both elsewhere', () => {
    const store = studio();
    const darts = store.getState().spec;
    store.getState().setWarmupProxy('synflow');
    expect(store.getState().spec).toBe(darts);
    store.getState().setStrategyKind('multi-trial');
    store.getState().setWarmupProxy('grad_norm');
    store.getState().setStrategyNumber('warmupPool', 250);
    expect(strategyOf(store, 'multi-trial')).toMatchObject({
      warmupProxy: 'grad_norm',
      warmupPool: 250,
    });
  });

  it('sets and clears constraints, and ignores them for DARTS', () => {
    const store = studio();
    const darts = store.getState().spec;
    store.getState().setConstraint('maxParams', 1000);
    expect(store.getState().spec).toBe(darts);

    store.getState().setStrategyKind('spos');
    expect(strategyOf(store, 'spos').constraints).toEqual(NO_CONSTRAINTS);
    store.getState().setConstraint('maxParams', 5000);
    store.getState().setConstraint('maxLatencyMs', 0.5);
    store.getState().setConstraint('maxFlops', Number.NaN);
    expect(strategyOf(store, 'spos').constraints).toEqual({
      maxParams: 5000,
      maxFlops: Number.NaN,
      maxLatencyMs: 0.5,
    });
    store.getState().setConstraint('maxParams', null);
    store.getState().setConstraint('maxFlops', null);
    store.getState().setConstraint('maxLatencyMs', null);
    expect(strategyOf(store, 'spos').constraints).toEqual(NO_CONSTRAINTS);

    store.getState().setStrategyKind('multi-trial');
    store.getState().setConstraint('maxFlops', 20000);
    expect(strategyOf(store, 'multi-trial').constraints).toEqual({
      ...NO_CONSTRAINTS,
      maxFlops: 20000,
    });
  });

  it('changes the DARTS order only while DARTS is active', () => {
    const store = studio();
    store.getState().setOrder(2);
    expect(strategyOf(store, 'darts').order).toBe(2);
    store.getState().setStrategyKind('spos');
    const spos = store.getState().spec;
    store.getState().setOrder(1);
    expect(store.getState().spec).toBe(spos);
  });
});

describe('experiment slice: typed drafts', () => {
  it('keeps text that is not a number, or that the value would show otherwise, and drops it once it no longer holds', () => {
    const store = studio();
    const s = store.getState();
    s.setStrategyNumber('epochs', Number.NaN);
    s.setDraft('strategy.epochs', 'abc');
    s.setSeed(1000);
    s.setDraft('seed', '1e3');
    expect(store.getState().drafts).toEqual({ 'strategy.epochs': 'abc', seed: '1e3' });
    s.setSeed(7);
    s.setDraft('seed', '7');
    expect(store.getState().drafts).toEqual({ 'strategy.epochs': 'abc' });
    s.setStrategyNumber('epochs', 5);
    s.setDraft('strategy.epochs', '5');
    expect(store.getState().drafts).toEqual({});
  });

  it('keeps a blank bound out of the drafts and a bound typed as text in them', () => {
    const store = studio();
    const s = store.getState();
    s.setStrategyKind('spos');
    s.setConstraint('maxParams', Number.NaN);
    s.setDraft('strategy.constraints.maxParams', '12k');
    s.setConstraint('maxFlops', null);
    s.setDraft('strategy.constraints.maxFlops', '');
    expect(store.getState().drafts).toEqual({ 'strategy.constraints.maxParams': '12k' });
  });

  it('drops the drafts a reset replaces (strategy kind, preset)', () => {
    const store = studio();
    const s = store.getState();
    s.setStrategyNumber('epochs', Number.NaN);
    s.setDraft('strategy.epochs', 'abc');
    s.setSeed(Number.NaN);
    s.setDraft('seed', 'one');
    s.setStrategyKind('spos');
    expect(store.getState().drafts).toEqual({ seed: 'one' });
    s.setPreset('nb201');
    expect(store.getState().drafts).toEqual({ seed: 'one' });
    s.setSeed(2);
    s.setDraft('seed', '2');
    expect(store.getState().drafts).toEqual({});
  });
});
