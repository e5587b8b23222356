import { describe, expect, it } from 'vitest';
import type { SubnetRecord } from '../../core/run/protocol';
import type { SelectionDecision } from '../../core/search-space/selection';
import { presetSpace } from '../../core/search-space/presets';
import { decisionRows, selectedCells, selectionVerdict } from './selection-data';

const genotype = { normal: { edges: [], concat: [] }, reduce: null };
const record = (key: string, origin: SubnetRecord['origin']): SubnetRecord => ({
  key,
  genotype,
  accuracy: 0.5,
  evaluation: 'inherited',
  params: 10,
  flops: 20,
  latencyMs: null,
  generation: 0,
  origin,
});

describe('selection comparison read-outs', () => {
  it('finds the magnitude and the perturbation cell among the subnets', () => {
    const m = record('a', 'derived');
    const p = record('b', 'perturbation');
    expect(selectedCells([m, p])).toEqual({ magnitude: m, perturbation: p });
    expect(selectedCells([m])).toEqual({ magnitude: m, perturbation: null });
  });

  it('names the better selection only when the difference is beyond two standard errors', () => {
    // p = 0.85, n = 800: 2 * sqrt(2 * 0.85 * 0.15 / 800) = 0.0357.
    expect(selectionVerdict(0.8, 0.9, 800)).toMatch(
      /^Perturbation selection served this run better/,
    );
    expect(selectionVerdict(0.9, 0.8, 800)).toMatch(/^Magnitude selection served this run better/);
    expect(selectionVerdict(0.84, 0.86, 800)).toMatch(/^Too close to call/);
    expect(selectionVerdict(0.84, 0.86, 800)).toContain('3.57%');
  });

  it('writes each decision as where it was taken, each removal’s accuracy and what was kept', () => {
    const space = presetSpace('darts');
    const decisions: SelectionDecision[] = [
      {
        kind: 'op',
        role: 'normal',
        edge: space.normal.edges[0]?.id ?? '',
        unmasked: { acc: 0.9, loss: 0.3 },
        candidates: ['skip_connect', 'sep_conv_3x3'],
        masked: [
          { acc: 0.88, loss: 0.35 },
          { acc: 0.5, loss: 1.2 },
        ],
        op: 'sep_conv_3x3',
      },
      {
        kind: 'node',
        role: 'reduce',
        node: space.reduce?.nodes[1] ?? '',
        unmasked: { acc: 0.9, loss: 0.3 },
        edges: (space.reduce?.edges ?? []).filter((e, i) => i >= 2 && i < 5).map((e) => e.id),
        masked: [
          { acc: 0.6, loss: 1 },
          { acc: 0.85, loss: 0.4 },
          { acc: 0.7, loss: 0.8 },
        ],
        kept: [space.reduce?.edges[2]?.id ?? '', space.reduce?.edges[4]?.id ?? ''],
      },
    ];
    const rows = decisionRows(decisions, space);
    const e0 = space.normal.edges[0];
    expect(rows[0]).toMatchObject({
      where: `normal cell, edge ${e0?.from} → ${e0?.to}`,
      removals: 'skip_connect 88.00% · sep_conv_3x3 50.00%',
      kept: 'sep_conv_3x3',
    });
    expect(rows[1]?.where).toBe(`reduce cell, inputs of node ${space.reduce?.nodes[1]}`);
    expect(rows[1]?.removals.split(' · ')).toHaveLength(3);
    expect(rows[1]?.kept.split(', ')).toHaveLength(2);
  });
});
