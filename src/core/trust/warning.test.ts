import { describe, expect, it } from 'vitest';
import { TRUST_WARNINGS, warningsAt, warningTitle, type TrustWarning } from './warning';

const w = (kind: TrustWarning['kind']): TrustWarning => ({ kind, problem: 'p', action: 'a' });

describe('trust warnings', () => {
  it('sorts warnings to where they are shown, keeping their order', () => {
    const all = [
      w('few-pairs'),
      w('discretization-gap'),
      w('alphas-uniform'),
      w('best-near-chance'),
    ];
    expect(warningsAt(all, 'genotype').map((x) => x.kind)).toEqual(['alphas-uniform']);
    expect(warningsAt(all, 'accuracy').map((x) => x.kind)).toEqual([
      'discretization-gap',
      'best-near-chance',
    ]);
    expect(warningsAt(all, 'fidelity').map((x) => x.kind)).toEqual(['few-pairs']);
  });

  it('gives every kind a short title', () => {
    for (const kind of Object.keys(TRUST_WARNINGS) as TrustWarning['kind'][]) {
      const title = warningTitle(w(kind));
      expect(title.length).toBeGreaterThan(0);
      expect(title.length).toBeLessThan(40);
    }
    expect(warningTitle(w('few-pairs'))).toBe('Too few pairs');
  });
});
