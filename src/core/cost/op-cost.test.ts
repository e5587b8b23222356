import { describe, expect, it } from 'vitest';
import { opCost, type OpShape } from './op-cost';

const at = (channels: number, side: number, stride: 1 | 2 = 1, affine = true): OpShape => ({
  channels,
  height: side,
  width: side,
  stride,
  affine,
});

describe('opCost (hand-counted)', () => {
  it('a 3x3 conv: 9*C*C weights plus BN scale and shift; one MAC per weight per output pixel', () => {
    // C = 16 on 32x32: 9*16*16 = 2304 weights + 32 BN = 2336; 32*32*2304 = 2,359,296 MACs.
    expect(opCost('nor_conv_3x3', at(16, 32))).toEqual({ params: 2336, flops: 2_359_296 });
    // Stride 2 halves each side: 16*16*2304 = 589,824 MACs; without affine BN no BN params.
    expect(opCost('nor_conv_3x3', at(16, 32, 2, false))).toEqual({ params: 2304, flops: 589_824 });
    expect(opCost('nor_conv_1x1', at(8, 4))).toEqual({ params: 64 + 16, flops: 16 * 64 });
  });

  it('a separable conv is two depthwise+pointwise halves, each with its BN', () => {
    // C = 8, k = 3, 8x8: per half 9*8 + 8*8 = 136 weights; params 2*136 + 2*16 = 304; MACs 2*64*136.
    expect(opCost('sep_conv_3x3', at(8, 8))).toEqual({ params: 304, flops: 17_408 });
    // k = 5, stride 2 on 8x8 -> 4x4: per half 25*8 + 64 = 264; MACs 2*16*264 = 8448.
    expect(opCost('sep_conv_5x5', at(8, 8, 2, false))).toEqual({ params: 528, flops: 8448 });
  });

  it('a dilated conv is one depthwise+pointwise pair', () => {
    expect(opCost('dil_conv_3x3', at(8, 8))).toEqual({ params: 9 * 8 + 64 + 16, flops: 64 * 136 });
  });

  it('pools, skip and zero are free at stride 1; a strided skip is a factorized reduce', () => {
    for (const op of ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'none'] as const) {
      expect(opCost(op, at(16, 8))).toEqual({ params: 0, flops: 0 });
    }
    expect(opCost('max_pool_3x3', at(16, 8, 2))).toEqual({ params: 0, flops: 0 });
    // Two 1x1 convs 16 -> 8 on the 4x4 output grid: 2*16*8 = 256 weights + 32 BN; 16*256 MACs.
    expect(opCost('skip_connect', at(16, 8, 2))).toEqual({ params: 288, flops: 4096 });
    // Odd width: 1x1 convs 3 -> 1 and 3 -> 2 (3*3 = 9 weights) + 6 BN; 5x5 -> 3x3 output: 9*9 MACs.
    expect(opCost('skip_connect', at(3, 5, 2))).toEqual({ params: 15, flops: 81 });
  });

  it('a dense op is a C x C layer with bias', () => {
    expect(
      opCost('dense_relu', { channels: 8, height: 1, width: 1, stride: 1, affine: false }),
    ).toEqual({
      params: 72,
      flops: 64,
    });
  });
});
