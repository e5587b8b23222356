import { LATENCY_OFF } from '../latency-loss/spec';
import { describe, expect, it } from 'vitest';
import {
  DARTS_OPTIONS,
  defaultExperiment,
  defaultSpos,
  SPOS_OPTIONS,
} from '../experiment/defaults';
import type { ExperimentSpec } from '../experiment/spec';
import { toBase64Url } from './base64url';
import { decodeLink, encodeLink } from './codec';
import { LINK_FORMAT, LINK_LIMITS } from './format';
import { deflateBytes } from './inflate';
import format1 from './fixtures/format1-spos.json';
import format3 from './fixtures/format3-darts.json';

/** A link of any JSON value in format `format`, bypassing encodeLink's types. */
function rawLink(json: unknown, format = LINK_FORMAT): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return `#x=${format}.${toBase64Url(deflateBytes(bytes))}`;
}

const teaching = defaultExperiment('teaching', 'spiral');

function sposSpec(): ExperimentSpec {
  return { ...teaching, strategy: defaultSpos(teaching.dataset, 100n) };
}

describe('link repairs', () => {
  it('shortens a name longer than the cap and says so', () => {
    const r = decodeLink(encodeLink({ spec: { ...teaching, name: 'n'.repeat(500) } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.spec.name).toBe('n'.repeat(LINK_LIMITS.maxNameLength));
    expect(r.repairs).toEqual([
      `The experiment name was 500 characters long; it was shortened to ${LINK_LIMITS.maxNameLength}.`,
    ]);
  });

  it('drops unknown keys and names them', () => {
    const spec = { ...teaching, colour: 'red', dataset: { ...teaching.dataset, extra: 1 } };
    const r = decodeLink(rawLink({ spec, theme: 'dark' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.spec).toEqual(teaching);
    expect(r.repairs).toEqual([
      'Settings this version does not know were ignored: theme, spec.dataset.extra, spec.colour.',
    ]);
  });

  it('fills a missing latency bound with null', () => {
    const spec = sposSpec();
    const raw = JSON.parse(JSON.stringify(spec)) as {
      strategy: { constraints: Record<string, unknown> };
    };
    delete raw.strategy.constraints.maxLatencyMs;
    const r = decodeLink(rawLink({ spec: raw }));
    expect(r.ok && r.payload.spec).toEqual(spec);
    expect(r.ok && r.repairs).toEqual([
      'The link set no maxLatencyMs; it was left without a bound.',
    ]);
  });

  it('leaves out a summary that does not fit the space, keeping the experiment', () => {
    const summary = {
      genotype: {
        normal: { edges: [{ from: 'x', to: 'h9', op: 'dense_relu' }], concat: ['h9'] },
        reduce: null,
      },
      validAcc: 0.9,
      testAcc: 0.8,
      strategy: 'darts',
      steps: 10,
      finishedAt: null,
    };
    const r = decodeLink(rawLink({ spec: teaching, summary }));
    expect(r).toEqual({
      ok: true,
      payload: { spec: teaching },
      repairs: [
        "The finished run in the link was left out: its normal cell is not a subnet of the link's search space.",
      ],
    });
  });

  it('keeps script-laden names as plain strings', () => {
    const name = '<img src=x onerror=alert(1)>';
    const r = decodeLink(encodeLink({ spec: { ...teaching, name } }));
    expect(r.ok && r.payload.spec.name).toBe(name);
  });

  it('opens a spec whose typed fields are out of range, for the form to show where they are', () => {
    const bad = { ...teaching, seed: -1, dataset: { ...teaching.dataset, noise: 3 } };
    const r = decodeLink(rawLink({ spec: bad }));
    expect(r).toEqual({ ok: true, payload: { spec: bad }, repairs: [] });
  });

  it('refuses a choice outside its list, naming it', () => {
    const strategy = { ...teaching.strategy, earlyStop: 'sometimes' };
    const r = decodeLink(rawLink({ spec: { ...teaching, strategy } }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      "Early stopping must be 'off' or 'darts+' (got \"sometimes\").",
    ]);
    const unknown = decodeLink(
      rawLink({ spec: { ...teaching, dataset: { ...teaching.dataset, id: 'cifar' } } }),
    );
    expect(!unknown.ok && unknown.problems[0]).toMatch(/Dataset "cifar" is not known/);
  });

  it('refuses a wrongly shaped spec with the field paths', () => {
    const r = decodeLink(
      rawLink({ spec: { ...teaching, seed: 'one', strategy: { kind: 'magic' } } }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.startsWith('seed:'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('strategy.kind:'))).toBe(true);
  });
});

describe('link format versions', () => {
  it('migrates the format 1 fixture: SPOS constraints gain maxLatencyMs null, scoring the whole validation split', () => {
    const r = decodeLink(format1.hash);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const old = format1.payload.spec;
    expect(r.payload.spec).toEqual({
      ...old,
      strategy: {
        ...old.strategy,
        validSubset: SPOS_OPTIONS.validSubset,
        constraints: { ...old.strategy.constraints, maxLatencyMs: null },
      },
    });
    expect(r.repairs).toEqual([
      `This link was made by an older version of NAS Studio (format 1); it was updated to format ${LINK_FORMAT}.`,
    ]);
  });

  it('reads a format 2 DARTS link with the settings format 3 added at their defaults', () => {
    const raw = JSON.parse(JSON.stringify(teaching)) as { strategy: Record<string, unknown> };
    for (const key of Object.keys(DARTS_OPTIONS)) delete raw.strategy[key];
    const r = decodeLink(rawLink({ spec: raw }, 2));
    expect(r.ok && r.payload.spec).toEqual({
      ...teaching,
      strategy: { ...teaching.strategy, ...DARTS_OPTIONS },
    });
    expect(r.ok && r.repairs).toEqual([
      `This link was made by an older version of NAS Studio (format 2); it was updated to format ${LINK_FORMAT}.`,
    ]);
  });

  it('reads a format 2 SPOS link as it ran: every candidate scored on the whole validation split', () => {
    const spos = sposSpec();
    const raw = JSON.parse(JSON.stringify(spos)) as { strategy: Record<string, unknown> };
    delete raw.strategy.validSubset;
    const r = decodeLink(rawLink({ spec: raw }, 2));
    expect(r.ok && r.payload.spec).toEqual({
      ...spos,
      strategy: { ...spos.strategy, validSubset: SPOS_OPTIONS.validSubset },
    });
    expect(SPOS_OPTIONS.validSubset).toBeGreaterThanOrEqual(10000);
  });

  it('refuses a newer format with the versions named', () => {
    const r = decodeLink(
      encodeLink({ spec: teaching }).replace(`#x=${LINK_FORMAT}.`, `#x=${LINK_FORMAT + 3}.`),
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        `This link was made by a newer version of NAS Studio (format ${LINK_FORMAT + 3}); this version reads format ≤ ${LINK_FORMAT}.`,
      ],
    });
  });

  it('reads the format 3 fixture as it was written, without a note (no latency loss, which came later)', () => {
    const { payload } = format3;
    const strategy = { ...payload.spec.strategy, latency: LATENCY_OFF };
    expect(decodeLink(format3.hash)).toEqual({
      ok: true,
      payload: { ...payload, spec: { ...payload.spec, strategy } },
      repairs: [],
    });
  });

  it('refuses format 0, which was never written', () => {
    const r = decodeLink('#x=0.AAAA');
    expect(r.ok).toBe(false);
  });
});
