import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args';
import { dispatch } from '../dispatch';
import { memoryIo } from '../io';
import { COST_HELP, runCost } from './cost';

/** Runs `cost` with argv and returns the exit code and captured lines. */
async function cost(...argv: string[]) {
  const io = memoryIo();
  const code = await runCost(parseArgs(['cost', ...argv]), io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The parsed JSON line of a run that must succeed. */
async function priced(...argv: string[]): Promise<{ params: number; flops: number }> {
  const r = await cost(...argv);
  expect(r).toMatchObject({ code: 0, err: [] });
  expect(r.out).toHaveLength(1);
  return JSON.parse(r.out[0] ?? '') as { params: number; flops: number };
}

const NB201_ALL_CONV3 =
  '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|';
const NB201_NO_CONV = '|none~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|';
const NB201_BEST =
  '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|';

describe('cost command', () => {
  it('prices DARTS_V2 in the DARTS CIFAR-10 network: 3,349,342 params, 528,359,040 MACs', async () => {
    // Params: the "param size = 3.349342MB" quark0/darts train.py logs. MACs, by hand from model.py:
    //   normal cells (5 sep_conv_3x3 = 2 x (9C + C^2) per pixel each, 1 dil_conv_3x3 = 9C + C^2):
    //     6 x 11 x 1024 x 1620 (C 36) + 6 x 11 x 256 x 5832 (C 72) + 6 x 11 x 64 x 22032 (C 144)
    //     = 109,486,080 + 98,537,472 + 93,063,168 = 301,086,720;
    //   reduction cells: pools and identities only, 0;
    //   cell-input 1x1 convs and factorized reduces: 224,280,576; stem 1024 x 27 x 108 = 2,985,984;
    //   classifier 576 x 10 = 5,760. Total 528,359,040 (an independent walk of model.py agrees).
    const r = await cost('--space', 'darts-cifar10', '--genotype', 'DARTS_V2');
    expect(r).toEqual({ code: 0, out: ['{"params": 3349342, "flops": 528359040}'], err: [] });
  });

  it('prices DARTS_V1 and the same genotype given as a string', async () => {
    // Same independent walk of model.py: 3,169,414 params, 500,987,520 MACs.
    expect(await priced('--space', 'darts-cifar10', '--genotype', 'DARTS_V1')).toEqual({
      params: 3_169_414,
      flops: 500_987_520,
    });
    const v1 =
      'Genotype(normal=[("sep_conv_3x3", 1), ("sep_conv_3x3", 0), ("skip_connect", 0), ("sep_conv_3x3", 1), ("skip_connect", 0), ("sep_conv_3x3", 1), ("sep_conv_3x3", 0), ("skip_connect", 2)], normal_concat=range(2, 6), reduce=[("max_pool_3x3", 0), ("max_pool_3x3", 1), ("skip_connect", 2), ("max_pool_3x3", 0), ("max_pool_3x3", 0), ("skip_connect", 2), ("skip_connect", 2), ("avg_pool_3x3", 0)], reduce_concat=range(2, 6))';
    expect(await priced('--space', 'darts-cifar10', '--genotype', v1)).toEqual({
      params: 3_169_414,
      flops: 500_987_520,
    });
  });

  it("matches NAS-Bench-201's published extremes on CIFAR-10: 73,306 and 1,531,546 params", async () => {
    expect(await priced('--space', 'nb201-cifar10', '--genotype', NB201_ALL_CONV3)).toEqual({
      params: 1_531_546,
      flops: 220_119_680,
    });
    expect(await priced('--space', 'nb201-cifar10', '--genotype', NB201_NO_CONV)).toEqual({
      params: 73_306,
      flops: 7_783_040,
    });
  });

  it('sets classes and input shape from --dataset', async () => {
    const c10 = await priced('--space', 'nb201-cifar10', '--genotype', NB201_BEST);
    const c100 = await priced(
      '--space',
      'nb201-cifar10',
      '--genotype',
      NB201_BEST,
      '--dataset',
      'cifar100',
    );
    // Only the classifier grows: 64 * 90 weights and 90 biases more, 64 * 90 MACs more.
    expect(c100).toEqual({ params: c10.params + 5_850, flops: c10.flops + 5_760 });
    // ImageNet16-120: every layer but the classifier sees a quarter of the pixels.
    const inet = await priced(
      '--space',
      'nb201-cifar10',
      '--genotype',
      NB201_ALL_CONV3,
      '--dataset',
      'imagenet16-120',
    );
    expect(inet).toEqual({
      params: 1_531_546 + 64 * 110 + 110,
      flops: (220_119_680 - 640) / 4 + 64 * 120,
    });
  });

  it('--cells and --channels resize the network as the papers count them', async () => {
    // 8 cells at 16 channels is the DARTS search network's skeleton.
    expect(
      await priced(
        '--space',
        'darts-cifar10',
        '--genotype',
        'DARTS_V2',
        '--cells',
        '8',
        '--channels',
        '16',
      ),
    ).toEqual(await priced('--space', 'darts', '--genotype', 'DARTS_V2', '--dataset', 'cifar10'));
    // NB201 at 15 cells is its own default; 3 cells keep one cell per stage.
    expect(
      await priced('--space', 'nb201-cifar10', '--genotype', NB201_BEST, '--cells', '15'),
    ).toEqual(await priced('--space', 'nb201-cifar10', '--genotype', NB201_BEST));
    const small = await priced(
      '--space',
      'nb201-cifar10',
      '--genotype',
      NB201_ALL_CONV3,
      '--cells',
      '3',
    );
    expect(small.params).toBe(
      1_531_546 - 4 * (6 * (9 * 256 + 32) + 6 * (9 * 1024 + 64) + 6 * (9 * 4096 + 128)),
    );
  });

  it('prices the studio presets on their own data', async () => {
    expect(
      (
        await priced(
          '--space',
          'teaching',
          '--genotype',
          '|dense_relu~0|+|skip_connect~0|dense_tanh~1|+|none~0|none~1|dense_sigmoid~2|',
        )
      ).params,
    ).toBe(
      // stem 2*16+16, three dense 16x16 layers with bias, classifier 16*2+2
      48 + 3 * 272 + 34,
    );
    expect(
      (await priced('--space', 'nb201', '--genotype', NB201_BEST, '--dataset', 'mnist-14')).params,
    ).toBeGreaterThan(0);
  });

  it('refuses bad input with one message on stderr and exit code 2', async () => {
    const refusals: [string[], string][] = [
      [
        ['--space', 'enas', '--genotype', 'DARTS_V2'],
        'Unknown network "enas"; known networks are darts-cifar10, nb201-cifar10, nb201, darts, teaching.',
      ],
      [
        ['--space', 'darts-cifar10', '--genotype', 'DARTS_V2', '--dataset', 'svhn'],
        'Unknown dataset "svhn"; known datasets are cifar10, cifar100, imagenet16-120, mnist, mnist-14, mnist-7, spiral, circles, xor, gaussian.',
      ],
      [
        ['--space', 'teaching', '--genotype', 'DARTS_V2', '--dataset', 'cifar10'],
        'The teaching network takes 2D points; cifar10 does not provide them.',
      ],
      [
        ['--space', 'darts-cifar10', '--genotype', 'DARTS_V2', '--cells', '10'],
        "10 cells do not fit this network's 3 stages of equal normal cells plus 2 reduction cells: 3k + 2 (5, 8, 11, ...).",
      ],
      [
        ['--space', 'darts-cifar10', '--genotype', 'DARTS_V2', '--channels', '3.5'],
        '--channels must be a whole number (got "3.5").',
      ],
      [
        ['--space', 'darts-cifar10', '--genotype', 'DARTS_V2', '--channels', '0'],
        'Channels must be a whole number of at least 1 (got 0).',
      ],
      [
        ['--space', 'darts-cifar10', '--genotype', NB201_BEST],
        'The genotype does not fit the darts-cifar10 network: An NB201 string describes one cell, but this space also searches a reduction cell. Give a DARTS Genotype(...) string or a published name.',
      ],
    ];
    for (const [argv, message] of refusals) {
      expect(await cost(...argv)).toEqual({ code: 2, out: [], err: [message] });
    }
    const unknownOp = await cost(
      '--space',
      'nb201-cifar10',
      '--genotype',
      '|conv_9x9~0|+|none~0|none~1|+|none~0|none~1|none~2|',
    );
    expect(unknownOp.code).toBe(2);
    expect(unknownOp.err).toHaveLength(1);
    expect(unknownOp.err[0]).toMatch(
      /^The genotype does not fit the nb201-cifar10 network: Node 1 of the cell: unknown op 'conv_9x9'; registered ops are none, /,
    );
  });

  it('refuses unknown options, stray arguments and valueless options with the usage', async () => {
    const usage = `Usage: npm run cli -- ${COST_HELP.usage}`;
    expect(
      await cost(
        '--space',
        'darts-cifar10',
        '--genotype',
        'DARTS_V2',
        '--auxiliary',
        '--seed',
        '1',
      ),
    ).toEqual({
      code: 2,
      out: [],
      err: ['Unknown options --auxiliary, --seed.', usage],
    });
    expect(await cost('--space', 'darts-cifar10', 'DARTS_V2')).toEqual({
      code: 2,
      out: [],
      err: ['Unexpected argument "DARTS_V2".', usage],
    });
    expect(await cost('--space', 'darts-cifar10', '--genotype')).toEqual({
      code: 2,
      out: [],
      err: ['--genotype needs a value.', usage],
    });
    expect(await cost('--genotype', 'DARTS_V2')).toEqual({
      code: 2,
      out: [],
      err: ['The cost command needs --space.', usage],
    });
    expect(await cost('--space', 'darts-cifar10')).toEqual({
      code: 2,
      out: [],
      err: ['The cost command needs --genotype.', usage],
    });
    expect(usage).toContain('[--dataset <cifar10 | cifar100 | imagenet16-120 |');
  });

  it('is listed in the command table', async () => {
    const io = memoryIo();
    expect(await dispatch(['--help'], io)).toBe(0);
    expect(io.stdout.some((l) => l.startsWith('  cost      Print {"params", "flops"}'))).toBe(true);
    const own = memoryIo();
    expect(await dispatch(['cost', '--help'], own)).toBe(0);
    expect(own.stdout[0]).toMatch(
      /^Usage: npm run cli -- cost --space <darts-cifar10 \| nb201-cifar10/,
    );
  });

  it('runs from the command line and prints a single JSON line', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'src/cli/main.ts', 'cost', '--space', 'nb201-cifar10', '--genotype', NB201_ALL_CONV3],
      { timeout: 60_000 },
    );
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ params: 1_531_546, flops: 220_119_680 });
  });
});
