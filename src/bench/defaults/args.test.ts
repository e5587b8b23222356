import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';
import { STRATEGY_KINDS } from '../../core/strategy/kinds';
import { allCombos, comboName, selectCombos } from './combos';

describe('parseBenchArgs', () => {
  it('reads the filters, seed, overrides and switches', () => {
    expect(
      parseBenchArgs([
        '--only',
        'nb201,darts',
        '--strategy=spos',
        '--seed',
        '3',
        '--set',
        'strategy.epochs=12',
        '--set=dataset.samples=500',
        '--no-reference',
        '--out',
        'x.json',
      ]),
    ).toEqual({
      filter: { only: ['nb201', 'darts'], presets: [], datasets: [], strategies: ['spos'] },
      seed: 3,
      overrides: [
        { path: ['strategy', 'epochs'], value: 12 },
        { path: ['dataset', 'samples'], value: 500 },
      ],
      reference: false,
      out: 'x.json',
    });
    expect(parseBenchArgs([])).toMatchObject({
      reference: true,
      out: 'bench-results/defaults.json',
    });
  });

  it('names what it cannot read', () => {
    expect(parseBenchArgs(['--seed', 'x'])).toEqual({
      problem: '--seed must be a whole number (got "x").',
    });
    expect(parseBenchArgs(['--fast'])).toEqual({ problem: '--fast needs a value.' });
    expect(parseBenchArgs(['--fast', '1'])).toEqual({ problem: 'Unknown option --fast.' });
    expect(parseBenchArgs(['nb201'])).toEqual({ problem: 'Unexpected argument "nb201".' });
  });
});

describe('selectCombos', () => {
  const all = allCombos();
  const none = { only: [], presets: [], datasets: [], strategies: [] };

  it('offers every combination of the studio (6 preset and dataset pairs, each with every strategy)', () => {
    expect(all).toHaveLength(6 * STRATEGY_KINDS.length);
    expect(all.slice(0, 3).map(comboName)).toEqual([
      'teaching/spiral/darts',
      'teaching/spiral/gdas',
      'teaching/spiral/pc-darts',
    ]);
    expect(all.filter((c) => c.dataset === 'mnist')).toHaveLength(2 * STRATEGY_KINDS.length);
  });

  it('keeps combinations naming any word of --only, within the other filters', () => {
    expect(selectCombos(all, { ...none, only: ['nb201'] }).map(comboName)).toEqual([
      'nb201/mnist/darts',
      'nb201/mnist/gdas',
      'nb201/mnist/pc-darts',
      'nb201/mnist/spos',
      'nb201/mnist/multi-trial',
      'nb201/mnist/zero-cost',
    ]);
    // 'darts' is a preset and a strategy: both count.
    expect(selectCombos(all, { ...none, only: ['darts'] })).toHaveLength(STRATEGY_KINDS.length + 5);
    expect(
      selectCombos(all, { ...none, presets: ['teaching'], strategies: ['spos'] }).map(
        (c) => c.dataset,
      ),
    ).toEqual(['spiral', 'circles', 'xor', 'gaussian']);
    expect(selectCombos(all, none)).toEqual(all);
  });
});
