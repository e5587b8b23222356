import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetInput } from '../data/load';
import { unbuildableProblems } from '../experiment/buildable';
import { datasetsFor, defaultExperiment, defaultSpos } from '../experiment/defaults';
import type { ExperimentSpec } from '../experiment/spec';
import { validateExperiment } from '../experiment/validate';
import { applySpaceChange, type SpaceChange } from '../search-space/edits';
import { PRESET_NAMES } from '../search-space/presets';
import { toBase64Url } from './base64url';
import { decodeLink, encodeLink } from './codec';
import { LINK_FORMAT, LINK_LIMITS } from './format';
import { deflateBytes } from './inflate';
import type { LinkPayload } from './types';

/** A link of any JSON value in the current format, bypassing encodeLink's types. */
function rawLink(json: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return `#x=${LINK_FORMAT}.${toBase64Url(deflateBytes(bytes))}`;
}

const teaching = defaultExperiment('teaching', 'spiral');
const spos: ExperimentSpec = { ...teaching, strategy: defaultSpos(teaching.dataset, 100n) };

/** `spec` with one strategy number set (NaN included). */
function withStrategy(spec: ExperimentSpec, field: string, value: number): ExperimentSpec {
  return { ...spec, strategy: { ...spec.strategy, [field]: value } };
}

/** `changes` applied to `spec`'s space; throws when the composer refuses it. */
function composed(spec: ExperimentSpec, changes: readonly SpaceChange[]): ExperimentSpec {
  let state = { space: spec.space, tied: false };
  const domain = datasetInput(spec.dataset).input.kind;
  for (const change of changes) {
    const outcome = applySpaceChange(state, change, domain);
    if (!outcome.ok) throw new Error(outcome.reason);
    state = outcome.state;
  }
  return { ...spec, space: state.space };
}

const roundTrip = (payload: LinkPayload) => decodeLink(encodeLink(payload));

describe('links of experiments as they are on screen', () => {
  it('round-trips a field typed as text that is not a number, with what was typed', () => {
    const spec = withStrategy(teaching, 'epochs', Number.NaN);
    const drafts = { 'strategy.epochs': 'abc' };
    expect(roundTrip({ spec, drafts })).toEqual({
      ok: true,
      payload: { spec, drafts },
      repairs: [],
    });
  });

  it('round-trips drafts of numbers written otherwise, out-of-range values and blank bounds', () => {
    const base = withStrategy({ ...spos, seed: 1000 }, 'population', -3);
    const spec: ExperimentSpec = {
      ...base,
      dataset: { ...base.dataset, noise: Number.NaN },
      strategy:
        base.strategy.kind === 'spos'
          ? {
              ...base.strategy,
              constraints: { maxParams: Number.NaN, maxFlops: null, maxLatencyMs: 2 },
            }
          : base.strategy,
    };
    const drafts = {
      seed: '1e3',
      'dataset.noise': '',
      'strategy.constraints.maxParams': '12k',
      'strategy.constraints.maxLatencyMs': '2.0',
    };
    const r = roundTrip({ spec, drafts });
    expect(r).toEqual({ ok: true, payload: { spec, drafts }, repairs: [] });
    expect(r.ok && validateExperiment(r.payload.spec).map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'dataset.noise',
        'strategy.population',
        'strategy.constraints.maxParams',
      ]),
    );
  });

  it('round-trips -0 typed as such (JSON writes it as 0)', () => {
    const spec = withStrategy(teaching, 'weightDecay', -0);
    const drafts = { 'strategy.weightDecay': '-0' };
    const r = roundTrip({ spec, drafts });
    expect(r).toEqual({ ok: true, payload: { spec, drafts }, repairs: [] });
    expect(r.ok && Object.is(r.payload.spec.strategy.weightDecay, -0)).toBe(true);
  });

  it('writes a draft for a value JSON cannot hold, and leaves out drafts that no longer hold', () => {
    const spec = withStrategy(teaching, 'weightLr', Number.POSITIVE_INFINITY);
    const r = roundTrip({ spec, drafts: { 'strategy.epochs': 'abc', seed: '01' } });
    expect(r).toEqual({
      ok: true,
      payload: { spec, drafts: { 'strategy.weightLr': 'Infinity', seed: '01' } },
      repairs: [],
    });
  });

  it('round-trips a half-built cell: a node with no input, a node that reaches no output', () => {
    const spec = composed(teaching, [
      { kind: 'cell', role: 'normal', change: { kind: 'add-node' } },
      { kind: 'cell', role: 'normal', change: { kind: 'add-node' } },
      { kind: 'cell', role: 'normal', change: { kind: 'connect', from: 'x', to: 'n1' } },
    ]);
    const codes = validateExperiment(spec).map((p) => p.code);
    expect(codes).toContain('no-incoming-edge');
    expect(roundTrip({ spec })).toEqual({ ok: true, payload: { spec }, repairs: [] });
  });

  it('round-trips an empty cell from the composer, and the default of every preset and dataset', () => {
    for (const preset of PRESET_NAMES) {
      for (const id of datasetsFor(preset)) {
        const spec = defaultExperiment(preset, id);
        expect(roundTrip({ spec })).toEqual({ ok: true, payload: { spec }, repairs: [] });
      }
    }
    const nb201 = defaultExperiment('nb201', 'mnist');
    const empty = composed(nb201, [
      {
        kind: 'replace',
        space: {
          ...nb201.space,
          preset: null,
          normal: { ...nb201.space.normal, nodes: [], edges: [] },
        },
      },
    ]);
    expect(roundTrip({ spec: empty })).toEqual({ ok: true, payload: { spec: empty }, repairs: [] });
  });

  it('round-trips every cell the composer accepts along random edits', () => {
    const draw = fc.record({
      kind: fc.constantFrom('add-node', 'remove-node', 'connect', 'connect', 'disconnect'),
      a: fc.nat(8),
      b: fc.nat(8),
    });
    const starts = PRESET_NAMES.map((p) => defaultExperiment(p, datasetsFor(p)[0] ?? 'spiral'));
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(draw, { maxLength: 25 }), (start, draws) => {
        let state = { space: start.space, tied: false };
        const domain = datasetInput(start.dataset).input.kind;
        for (const d of draws) {
          const cell = state.space.normal;
          const ids = [...cell.inputs, ...cell.nodes];
          const at = (i: number) => ids[i % ids.length] ?? 'x';
          const change =
            d.kind === 'add-node'
              ? ({ kind: 'add-node' } as const)
              : d.kind === 'remove-node'
                ? ({ kind: 'remove-node', node: at(d.a) } as const)
                : d.kind === 'connect'
                  ? ({ kind: 'connect', from: at(d.a), to: at(d.b) } as const)
                  : ({
                      kind: 'disconnect',
                      edge: cell.edges[d.a % Math.max(1, cell.edges.length)]?.id ?? 'e0',
                    } as const);
          const outcome = applySpaceChange(state, { kind: 'cell', role: 'normal', change }, domain);
          if (outcome.ok) state = outcome.state;
        }
        const spec = { ...start, space: state.space };
        expect(unbuildableProblems(spec)).toEqual([]);
        expect(roundTrip({ spec })).toEqual({ ok: true, payload: { spec }, repairs: [] });
      }),
      { numRuns: 120 },
    );
  });

  it('refuses a cell the composer would refuse: a cycle, a duplicate edge', () => {
    const cell = teaching.space.normal;
    const [first] = cell.edges;
    if (first === undefined) throw new Error('the teaching cell has edges');
    const cycle = { ...first, id: 'back', from: first.to, to: first.from };
    const backwards = {
      ...teaching,
      space: {
        ...teaching.space,
        normal: { ...cell, edges: [...cell.edges, { ...cycle, from: 'h3', to: 'h1' }] },
      },
    };
    const r1 = decodeLink(rawLink({ spec: backwards }));
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.problems.join(' ')).toMatch(/cycle/);
    const twice = {
      ...teaching,
      space: {
        ...teaching.space,
        normal: { ...cell, edges: [...cell.edges, { ...first, id: 'again' }] },
      },
    };
    const r2 = decodeLink(rawLink({ spec: twice }));
    expect(r2.ok).toBe(false);
  });

  it('refuses null in a number field that no draft explains, as a shape problem', () => {
    const r = decodeLink(
      rawLink({ spec: { ...teaching, strategy: { ...teaching.strategy, epochs: null } } }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatch(/^strategy\.epochs:/);
  });
});

describe('hostile drafts', () => {
  const spec = withStrategy(teaching, 'epochs', Number.NaN);
  // The spec as a link holds it: NaN written as null.
  const json = JSON.parse(JSON.stringify(spec)) as unknown;

  it('leaves out drafts that are unreadable, name no typed field or do not match, keeping the experiment', () => {
    const r = decodeLink(
      rawLink({
        spec: json,
        drafts: {
          'strategy.epochs': 'abc',
          seed: '2',
          'dataset.id': 'abc',
          'strategy.kind': 'spos',
          'space.macro.channels': 'abc',
          constructor: 'abc',
          'strategy.__proto__': 'abc',
          'dataset.noise': 7,
        },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload).toEqual({ spec, drafts: { 'strategy.epochs': 'abc' } });
    expect(r.repairs).toEqual([
      'Typed entries that do not match the experiment were left out: seed, dataset.id, strategy.kind, space.macro.channels, constructor, strategy.__proto__, dataset.noise.',
    ]);
    expect(Object.getPrototypeOf(r.payload.drafts)).toBe(Object.prototype);
  });

  it('leaves out drafts that are not an object, too long or too many', () => {
    const notObject = decodeLink(rawLink({ spec: teaching, drafts: ['abc'] }));
    expect(notObject).toEqual({
      ok: true,
      payload: { spec: teaching },
      repairs: ['The typed entries in the link were unreadable and were left out.'],
    });
    const long = decodeLink(
      rawLink({
        spec: json,
        drafts: { 'strategy.epochs': 'a'.repeat(LINK_LIMITS.maxDraftChars + 1) },
      }),
    );
    expect(long.ok).toBe(false);
    const many = Object.fromEntries(
      Array.from({ length: LINK_LIMITS.maxDrafts + 5 }, (_, i) => [`strategy.x${i}`, 'abc']),
    );
    const r = decodeLink(rawLink({ spec: teaching, drafts: many }));
    expect(r.ok && r.payload).toEqual({ spec: teaching });
    expect(r.ok && r.repairs[1]).toBe(
      `The link held ${LINK_LIMITS.maxDrafts + 5} typed entries; only the first ${LINK_LIMITS.maxDrafts} were read.`,
    );
  });
});
