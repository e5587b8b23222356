import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultMultiTrial, defaultSpos } from '../../core/experiment/defaults';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { SubnetRecord } from '../../core/run/protocol';
import { presetSpace } from '../../core/search-space/presets';
import { spaceSize } from '../../core/search-space/size';
import type { SearchPoint, SearchRun, StandaloneEntry } from '../../store/search-state';
import {
  canTrain,
  checkAgreement,
  derivedCellText,
  genotypeStrings,
  howObtained,
  ORIGIN_WORDS,
  pointSummary,
  runSpecs,
  standaloneText,
  topInherited,
  trainableIds,
  trainingPercent,
} from './search-text';

const nb201: ExperimentSpec = (() => {
  const spec = defaultExperiment('nb201', 'mnist', 3);
  return { ...spec, strategy: defaultSpos(spec.dataset, spaceSize(spec.space)) };
})();

/** The NB201 cell with every edge on 3x3 convolutions. */
function nb201Record(
  key: string,
  accuracy: number,
  extra: Partial<SubnetRecord> = {},
): SubnetRecord {
  const cell = presetSpace('nb201').normal;
  return {
    key,
    genotype: {
      normal: {
        edges: cell.edges.map((e) => ({ from: e.from, to: e.to, op: 'nor_conv_3x3' })),
        concat: [cell.nodes[cell.nodes.length - 1] ?? ''],
      },
      reduce: null,
    },
    accuracy,
    evaluation: 'inherited',
    params: 1000,
    flops: 2000,
    latencyMs: 0.5,
    generation: 1,
    origin: 'mutation',
    ...extra,
  };
}

const score = {
  key: 'k',
  initialValidAcc: 0.1,
  validAcc: 0.876,
  testAcc: 0.85,
  trainLoss: 0.4,
  steps: 120,
  paramCount: 1000,
  elapsedMs: 5000,
};

function point(
  id: string,
  accuracy: number,
  standalone: StandaloneEntry | null = null,
  extra: Partial<SubnetRecord> = {},
): SearchPoint {
  return {
    id,
    runId: 1,
    runLabel: 'SPOS + evolution · seed 3',
    strategy: 'spos',
    order: Number(id.split(':')[1] ?? 0),
    record: nb201Record(id, accuracy, extra),
    standalone,
    onFront: false,
  };
}

describe('stand-alone states in words', () => {
  it('shows the accuracy when done and the state otherwise', () => {
    expect(standaloneText(null)).toBe('–');
    expect(standaloneText({ state: 'queued', epochs: 5 })).toBe('queued');
    expect(standaloneText({ state: 'training', epochs: 5, step: 30, totalSteps: 120 })).toBe(
      'training 25%',
    );
    expect(standaloneText({ state: 'done', epochs: 5, score })).toBe('87.60%');
    expect(standaloneText({ state: 'stopped', epochs: 5, message: 'x' })).toBe('stopped');
    expect(standaloneText({ state: 'failed', epochs: 5, message: 'x' })).toBe('failed');
  });

  it('reports 0% before the step count is known and never more than 100%', () => {
    expect(trainingPercent(0, 0)).toBe(0);
    expect(trainingPercent(130, 120)).toBe(100);
  });
});

describe('how an accuracy was obtained', () => {
  it('names BatchNorm recalibration for inherited weights and the budget for stand-alone trials', () => {
    expect(howObtained(nb201Record('a', 0.5), nb201)).toBe(
      'weights inherited from the trained supernet, after BatchNorm recalibration on 4 training batches',
    );
    const multi: ExperimentSpec = {
      ...nb201,
      strategy: defaultMultiTrial(nb201.dataset, spaceSize(nb201.space)),
    };
    expect(howObtained(nb201Record('a', 0.5, { evaluation: 'standalone' }), multi)).toBe(
      'a short stand-alone training from scratch (3 epochs)',
    );
  });
});

describe('point summary and genotype strings', () => {
  it('gives the DARTS and NAS-Bench-201 strings of an NB201 subnet', () => {
    const strings = genotypeStrings(nb201Record('a', 0.5), nb201);
    expect(strings.darts.startsWith('Genotype(normal=[')).toBe(true);
    expect(strings.nb201).toBe(
      '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|',
    );
  });

  it('summarises a point for its tooltip', () => {
    const s = pointSummary(point('1:7', 0.75), nb201);
    expect(s).toMatchObject({
      runLabel: 'SPOS + evolution · seed 3',
      order: 7,
      accuracy: 0.75,
      evaluation: 'inherited',
      params: 1000,
      flops: 2000,
      latencyMs: 0.5,
      generation: 1,
    });
    expect(s.nb201).not.toBeNull();
  });

  it('finds each plotted run spec by run id, the current run included', () => {
    const archived = { runId: 1, spec: nb201 } as unknown as SearchRun;
    const specs = runSpecs({ runId: 2, spec: nb201 }, [archived]);
    expect([...specs.keys()].sort()).toEqual([1, 2]);
    expect(runSpecs({ runId: 2, spec: null }, []).size).toBe(0);
  });
});

describe('which subnets can be trained stand-alone', () => {
  const points = [
    point('1:1', 0.5),
    point('1:2', 0.9, { state: 'done', epochs: 5, score }),
    point('1:3', 0.7, { state: 'queued', epochs: 5 }),
    point('1:4', 0.8, { state: 'failed', epochs: 5, message: 'x' }),
    point('1:5', 0.95, null, { evaluation: 'standalone' }),
    point('1:6', 0.8),
  ];

  it('trains points never trained or whose training stopped or failed', () => {
    expect(points.map(canTrain)).toEqual([true, false, false, true, true, true]);
    expect(trainableIds(points, ['1:2', '1:4', '1:1', 'nope'])).toEqual(['1:4', '1:1']);
  });

  it('ranks inherited-weight points by supernet accuracy, earliest first among equals', () => {
    expect(topInherited(points, 3)).toEqual(['1:2', '1:4', '1:6']);
    expect(topInherited(points, 10)).toHaveLength(5);
  });
});

describe('latency check agreement', () => {
  it('averages measured / predicted and the relative error', () => {
    const a = checkAgreement([
      { key: 'a', predictedMs: 1, measuredMs: 1.2 },
      { key: 'b', predictedMs: 2, measuredMs: 1.6 },
    ]);
    expect(a?.meanRatio).toBeCloseTo(1, 9);
    expect(a?.meanError).toBeCloseTo(0.2, 9);
  });

  it('is null without usable checks', () => {
    expect(checkAgreement([])).toBeNull();
    expect(checkAgreement([{ key: 'a', predictedMs: 0, measuredMs: 1 }])).toBeNull();
  });
});

describe('the derived cell of a DARTS run', () => {
  it('puts its inherited-weight accuracy beside the supernet’s and says where to train or export it', () => {
    const records = [
      nb201Record('a', 0.5),
      nb201Record('b', 0.8125, { origin: 'derived', generation: 0 }),
    ];
    expect(derivedCellText(records, 0.9)).toBe(
      'Derived cell with inherited weights: valid acc 81.25% (supernet 90.00%) — train it stand-alone or export it from Subnets & Pareto.',
    );
  });

  it('says of a GDAS run that its supernet number is of a mixture it never trains', () => {
    const records = [nb201Record('b', 0.5, { origin: 'derived', generation: 0 })];
    expect(derivedCellText(records, 0.25, false)).toBe(
      'Derived cell with inherited weights: valid acc 50.00% (softmax-weighted supernet 25.00%, a mixture this search samples paths from but never trains as such) — train it stand-alone or export it from Subnets & Pareto.',
    );
  });

  it('says nothing for a run without a derived cell', () => {
    expect(derivedCellText([nb201Record('a', 0.5)], 0.9)).toBeNull();
    expect(derivedCellText([], 0.9)).toBeNull();
  });

  it('names its origin and its four calibration batches in the inspector', () => {
    const record = nb201Record('b', 0.8, { origin: 'derived' });
    const darts: ExperimentSpec = defaultExperiment('nb201', 'mnist', 3);
    expect(darts.strategy.kind).toBe('darts');
    expect(ORIGIN_WORDS[record.origin]).toBe('derived from the alphas (magnitude)');
    expect(howObtained(record, darts)).toBe(
      'weights inherited from the trained supernet, after BatchNorm recalibration on 4 training batches',
    );
    const perturbed = nb201Record('c', 0.7, { origin: 'perturbation' });
    expect(ORIGIN_WORDS[perturbed.origin]).toBe('perturbation-based selection');
    expect(howObtained(perturbed, darts)).toBe(
      'weights inherited from the supernet as perturbation-based selection fine-tuned it, after BatchNorm recalibration on 4 training batches',
    );
  });
});
