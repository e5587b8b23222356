import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { differingSettings, historySettings } from './history-settings';

describe('history settings', () => {
  it('flattens the preset, strategy fields, constraints and dataset numbers to text', () => {
    const s = historySettings(defaultExperiment('teaching', 'xor'));
    expect(s.preset).toBe('teaching');
    expect(s.epochs).toBe('300');
    expect(s.order).toBe('1');
    expect(s.samples).toBeDefined();
    expect(s.kind).toBeUndefined();
    expect(s.id).toBeUndefined();
  });

  it("lists each row's settings that differ within its group, the row's own values", () => {
    const a = { epochs: '60', order: '1', lr: '0.1' };
    const rows = [
      { group: 'darts/xor', settings: a },
      { group: 'darts/xor', settings: { ...a, order: '2' } },
      { group: 'darts/xor', settings: { ...a, epochs: '120' } },
      { group: 'spos/xor', settings: a },
      { group: 'darts/xor', settings: {} },
    ];
    expect(differingSettings(rows)).toEqual([
      ['epochs 60', 'order 1'],
      ['epochs 60', 'order 2'],
      ['epochs 120', 'order 1'],
      [],
      [],
    ]);
    expect(differingSettings(rows, 1)[0]).toEqual(['epochs 60', '+1 more']);
  });
});
