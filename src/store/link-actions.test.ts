import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultSpos } from '../core/experiment/defaults';
import type { ExperimentSpec } from '../core/experiment/spec';
import { decodeLink, encodeLink, type RunSummary } from '../core/link';
import type { RunFinished } from '../core/run/protocol';
import type { Genotype } from '../core/search-space/types';
import {
  addressLink,
  carriedSummary,
  currentLink,
  finishedSummary,
  openLink,
  presetOfSpec,
  trackFinishedRuns,
} from './link-actions';
import { createLinkStore } from './link-store';
import { scriptedStore } from './scripted-client.testkit';

function setup() {
  return { studio: scriptedStore().store, link: createLinkStore() };
}

const nb201: ExperimentSpec = { ...defaultExperiment('nb201', 'mnist', 9), name: 'Shared NB201' };

const genotypeOf = (spec: ExperimentSpec): Genotype => ({
  normal: {
    edges: spec.space.normal.edges.map((e) => ({ from: e.from, to: e.to, op: e.ops[1] ?? 'none' })),
    concat: [...spec.space.normal.nodes],
  },
  reduce: null,
});

function finished(spec: ExperimentSpec): RunFinished {
  return {
    step: 120,
    genotype: genotypeOf(spec),
    metrics: {
      trainAcc: 0.9,
      validAcc: 0.8,
      testAcc: 0.75,
      trainLoss: 0.3,
      validLoss: 0.4,
      testLoss: 0.5,
    },
    weights: {},
  };
}

describe('opening a link', () => {
  it('loads the spec and shows its space in a fresh composer', () => {
    const { studio, link } = setup();
    const epoch = studio.getState().composerEpoch;
    const r = openLink(studio, link, encodeLink({ spec: nb201 }));
    expect(r.ok).toBe(true);
    const s = studio.getState();
    expect(s.spec).toEqual(nb201);
    expect(s.preset).toBe('nb201');
    expect(s.composer.present.space).toEqual(nb201.space);
    expect(s.composer.past).toEqual([]);
    expect(s.composerEpoch).toBe(epoch + 1);
    expect(Object.keys(s.positions.normal).sort()).toEqual(
      [...nb201.space.normal.inputs, ...nb201.space.normal.nodes].sort(),
    );
    expect(link.getState().problems).toEqual([]);
  });

  it('keeps the experiment and lists the problems of a bad link', () => {
    const { studio, link } = setup();
    const before = studio.getState().spec;
    const r = openLink(studio, link, '#x=garbage');
    expect(r.ok).toBe(false);
    expect(studio.getState().spec).toBe(before);
    expect(link.getState().problems.length).toBe(1);
    link.getState().dismissProblems();
    expect(link.getState().problems).toEqual([]);
  });

  it('shows the repairs of a repaired link', () => {
    const { studio, link } = setup();
    openLink(studio, link, encodeLink({ spec: { ...nb201, name: 'x'.repeat(300) } }));
    expect(studio.getState().spec.name).toHaveLength(120);
    expect(link.getState().repairs).toHaveLength(1);
  });

  it('keeps a carried summary while its experiment is unchanged', () => {
    const { studio, link } = setup();
    const summary: RunSummary = {
      genotype: genotypeOf(nb201),
      validAcc: 0.5,
      testAcc: 0.4,
      strategy: 'darts',
      steps: 10,
      finishedAt: null,
    };
    openLink(studio, link, encodeLink({ spec: nb201, summary }));
    expect(carriedSummary(studio.getState(), link.getState())).toEqual(summary);
    expect(link.getState().includeResult).toBe(false);
    expect(decodeLink(addressLink(studio.getState(), link.getState()))).toMatchObject({
      ok: true,
      payload: { summary },
    });
    const copied = decodeLink(currentLink(studio.getState(), link.getState()));
    expect(copied.ok && copied.payload.summary).toBeUndefined();
    link.getState().setIncludeResult(true);
    expect(decodeLink(currentLink(studio.getState(), link.getState()))).toMatchObject({
      ok: true,
      payload: { summary },
    });
    studio.getState().setSeed(3);
    expect(carriedSummary(studio.getState(), link.getState())).toBeNull();
  });

  it('picks the preset of a composed space from its data', () => {
    const teaching = defaultExperiment('teaching', 'spiral');
    expect(presetOfSpec({ ...teaching, space: { ...teaching.space, preset: null } })).toBe(
      'teaching',
    );
    expect(presetOfSpec({ ...nb201, space: { ...nb201.space, preset: 'mine' } })).toBe('darts');
  });
});

describe('the current link', () => {
  it('round-trips the current experiment', () => {
    const { studio, link } = setup();
    const teaching = studio.getState().spec;
    const spos = { ...teaching, strategy: defaultSpos(teaching.dataset, 100n) };
    studio.setState({ spec: spos });
    const r = decodeLink(currentLink(studio.getState(), link.getState()));
    expect(r).toEqual({ ok: true, payload: { spec: spos }, repairs: [] });
  });

  it('carries the last finished run of this experiment, with its finish time, only once ticked', () => {
    const { studio, link } = setup();
    const stop = trackFinishedRuns(studio, link, () => new Date('2025-05-06T07:08:09.000Z'));
    openLink(studio, link, encodeLink({ spec: nb201 }));
    const s = studio.getState();
    studio.setState({
      run: { ...s.run, spec: nb201, status: 'finished', result: finished(nb201) },
    });
    expect(finishedSummary(studio.getState(), link.getState())).toEqual({
      genotype: genotypeOf(nb201),
      validAcc: 0.8,
      testAcc: 0.75,
      strategy: 'darts',
      steps: 120,
      finishedAt: '2025-05-06T07:08:09.000Z',
    });
    const unticked = decodeLink(currentLink(studio.getState(), link.getState()));
    expect(unticked.ok && unticked.payload.summary).toBeUndefined();
    const address = decodeLink(addressLink(studio.getState(), link.getState()));
    expect(address.ok && address.payload.summary).toBeUndefined();
    link.getState().setIncludeResult(true);
    const r = decodeLink(currentLink(studio.getState(), link.getState()));
    expect(r.ok && r.payload.summary?.validAcc).toBe(0.8);
    link.getState().setIncludeResult(false);
    const plain = decodeLink(currentLink(studio.getState(), link.getState()));
    expect(plain.ok && plain.payload.summary).toBeUndefined();
    stop();
  });

  it('leaves out a finished run of a different experiment', () => {
    const { studio, link } = setup();
    const s = studio.getState();
    studio.setState({
      run: { ...s.run, spec: nb201, status: 'finished', result: finished(nb201) },
    });
    expect(finishedSummary(studio.getState(), link.getState())).toBeNull();
  });
});

describe('the link of an experiment as it is on screen', () => {
  it('carries typed text and a half-built cell, and opens them as they were', () => {
    const from = setup();
    const s = from.studio.getState();
    s.setStrategyNumber('epochs', Number.NaN);
    s.setDraft('strategy.epochs', 'abc');
    s.changeSpace({ kind: 'cell', role: 'normal', change: { kind: 'add-node' } });
    const { spec, drafts } = from.studio.getState();
    const hash = currentLink(from.studio.getState(), from.link.getState());

    const to = setup();
    const r = openLink(to.studio, to.link, hash);
    expect(r).toEqual({ ok: true, payload: { spec, drafts }, repairs: [] });
    expect(to.studio.getState().spec).toEqual(spec);
    expect(to.studio.getState().drafts).toEqual({ 'strategy.epochs': 'abc' });
    expect(to.studio.getState().composer.present.space).toEqual(spec.space);
    expect(to.link.getState().problems).toEqual([]);
  });

  it('keeps the experiment and says so when a pasted link is refused', () => {
    const { studio, link } = setup();
    const before = studio.getState().spec;
    openLink(studio, link, '#x=4.###');
    expect(studio.getState().spec).toBe(before);
    expect(link.getState().fallback).toBe('kept');
  });
});
