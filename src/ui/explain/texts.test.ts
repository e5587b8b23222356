import { describe, expect, it } from 'vitest';
import { citation, EXPLAIN_IDS, EXPLANATIONS, PAPERS } from './texts';

describe('explanation texts', () => {
  it('has exactly one explanation per view id', () => {
    expect(Object.keys(EXPLANATIONS).sort()).toEqual([...EXPLAIN_IDS].sort());
    expect(new Set(EXPLAIN_IDS).size).toBe(EXPLAIN_IDS.length);
  });

  it.each(EXPLAIN_IDS)('%s has a view name, all four parts and no empty text', (id) => {
    const e = EXPLANATIONS[id];
    for (const part of [e.view, e.what, e.read, e.surprising]) {
      expect(typeof part).toBe('string');
      expect(part.trim().length).toBeGreaterThan(0);
    }
    expect(e.source.length).toBeGreaterThan(0);
    for (const p of e.source) {
      expect(p.authors.trim()).not.toBe('');
      expect(p.title.trim()).not.toBe('');
      expect(p.venue.trim()).not.toBe('');
      expect(Number.isInteger(p.year)).toBe(true);
      expect(p.year).toBeGreaterThanOrEqual(2017);
    }
  });

  it('holds plain text only: no markup', () => {
    for (const id of EXPLAIN_IDS) {
      const e = EXPLANATIONS[id];
      for (const part of [e.view, e.what, e.read, e.surprising]) expect(part).not.toMatch(/[<>]/);
    }
  });

  it('gives each view a distinct name, so every toggle has its own accessible name', () => {
    const names = EXPLAIN_IDS.map((id) => EXPLANATIONS[id].view);
    expect(new Set(names).size).toBe(names.length);
  });

  it('cites a paper as authors, year, title and venue', () => {
    expect(citation(PAPERS.darts)).toBe(
      'Liu, Simonyan & Yang (2019), “DARTS: Differentiable Architecture Search”, ICLR',
    );
  });

  it('names the papers the studio follows where their views come from', () => {
    const cites = (id: (typeof EXPLAIN_IDS)[number], paper: keyof typeof PAPERS) =>
      EXPLANATIONS[id].source.includes(PAPERS[paper]);
    expect(cites('alphas', 'darts')).toBe(true);
    expect(cites('eigenvalue', 'robustDarts')).toBe(true);
    expect(cites('skip-count', 'dartsPlus')).toBe(true);
    expect(cites('fidelity', 'searchPhase')).toBe(true);
    expect(cites('selection', 'perturbation')).toBe(true);
    expect(cites('space-size', 'nb201')).toBe(true);
  });
});
