/** The macro skeleton around the cells: stem, stages of cells with reductions between them, head. */
import type * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../core/experiment/spec';
import type { CellRole, SearchSpaceSpec } from '../core/search-space/types';
import {
  head,
  imageStem,
  preprocess,
  residualBlock,
  vectorStem,
  type FeatureShape,
} from './blocks';
import {
  buildCellModule,
  type CellModule,
  type EdgeChoices,
  type EdgeWeights,
} from './cell-module';
import type { Layer } from './layers';
import type { ParamStore } from './params';

/** Op weights for each searched cell role. */
export type RoleWeights = Partial<Record<CellRole, EdgeWeights>>;

/** PC-DARTS's normalised edge weights (one scalar per edge) for each searched cell role. */
export type RoleEdgeScales = Partial<Record<CellRole, readonly tf.Scalar[]>>;

/** The chosen op per edge for each searched cell role (a single path). */
export type RoleChoices = Partial<Record<CellRole, EdgeChoices>>;

/** The network body with its weights; cells take their op weights at every call. */
export interface Network {
  /** Cell roles that occur in the network. */
  readonly roles: readonly CellRole[];
  /** Logits [batch, classes]; with `edgeScales`, each edge's output of a role's cells is multiplied by its scale. */
  forward(x: tf.Tensor, weights: RoleWeights, edgeScales?: RoleEdgeScales): tf.Tensor;
  /** Logits [batch, classes] of the single path `choices`: only the chosen op runs on each edge. */
  forwardPath(x: tf.Tensor, choices: RoleChoices): tf.Tensor;
  /** The weights of op `op` on edge `edge` in every cell of `role`. */
  opVariables(role: CellRole, edge: number, op: number): tf.Variable[];
}

type Block =
  | { kind: 'cell'; role: CellRole; module: CellModule; inputs: number[]; pre: Layer[] }
  | { kind: 'fixed'; layer: Layer };

/**
 * Builds the network. Images: stem to channels * stemMultiplier, then `stages` stages of
 * `cellsPerStage` normal cells; between stages the channels double and resolution halves through a
 * reduction cell ('cell') or a residual block ('residual'). Vectors: a dense stem and all cells at
 * `channels` features. A cell with n inputs takes the outputs of the previous n blocks (the stem
 * standing in for missing ones, as DARTS feeds the stem to the first cell twice). `affine` builds
 * the derived network (stand-alone subnets): BatchNorm of ops and preprocessing with scale and
 * shift, and bare pools; false in the supernet (BatchNorm without affine, also after pools).
 * `partialK` builds PC-DARTS's partial-channel mixed ops in every cell.
 */
export function buildNetwork(
  p: ParamStore,
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  affine = false,
  partialK?: number,
): Network {
  const { macro } = space;
  const domain = input.kind;
  if (domain === 'vector' && macro.reduction !== 'none') {
    throw new Error(`Vector inputs need reduction 'none', got '${macro.reduction}'.`);
  }
  const stemC = domain === 'image' ? macro.channels * macro.stemMultiplier : macro.channels;
  const stem =
    input.kind === 'image'
      ? imageStem(p, input.channels, stemC)
      : vectorStem(p, input.features, stemC);
  const shapes: FeatureShape[] = [
    input.kind === 'image'
      ? { h: input.height, w: input.width, c: stemC }
      : { h: 1, w: 1, c: stemC },
  ];
  const blocks: Block[] = [];
  const roles = new Set<CellRole>();
  const last = (): FeatureShape => shapes[shapes.length - 1] as FeatureShape;

  const addCell = (role: CellRole, channels: number): void => {
    const cell = role === 'normal' ? space.normal : space.reduce;
    if (!cell) throw new Error('The space reduces with a cell but has no reduction cell.');
    const reduction = role === 'reduce';
    const n = cell.inputs.length;
    const inputs = Array.from({ length: n }, (_, j) => Math.max(0, shapes.length - n + j));
    const target: FeatureShape = { h: last().h, w: last().w, c: channels };
    const pre = inputs.map((i) => preprocess(p, shapes[i] as FeatureShape, target, domain, affine));
    const module = buildCellModule(p, cell, {
      domain,
      channels,
      reduction,
      affine,
      ...(partialK === undefined ? {} : { partialK }),
    });
    blocks.push({ kind: 'cell', role, module, inputs, pre });
    roles.add(role);
    const h = reduction ? Math.ceil(target.h / 2) : target.h;
    const w = reduction ? Math.ceil(target.w / 2) : target.w;
    shapes.push({ h, w, c: module.outChannels });
  };

  let channels = macro.channels;
  for (let stage = 0; stage < macro.stages; stage++) {
    if (stage > 0 && macro.reduction === 'cell') {
      channels *= 2;
      addCell('reduce', channels);
    } else if (stage > 0 && macro.reduction === 'residual') {
      channels *= 2;
      const from = last();
      blocks.push({ kind: 'fixed', layer: residualBlock(p, from.c, channels) });
      shapes.push({ h: Math.ceil(from.h / 2), w: Math.ceil(from.w / 2), c: channels });
    }
    for (let i = 0; i < macro.cellsPerStage; i++) addCell('normal', channels);
  }
  const classifier = head(p, last().c, classes, domain, macro.reduction === 'residual');

  /** Runs the network; `cell` runs one cell block on its preprocessed inputs. */
  const run = (
    x: tf.Tensor,
    cell: (b: Extract<Block, { kind: 'cell' }>, ins: tf.Tensor[]) => tf.Tensor,
  ): tf.Tensor => {
    const states: tf.Tensor[] = [stem(x)];
    for (const b of blocks) {
      if (b.kind === 'fixed') {
        states.push(b.layer(states[states.length - 1] as tf.Tensor));
        continue;
      }
      const ins = b.inputs.map((i, j) => (b.pre[j] as Layer)(states[i] as tf.Tensor));
      states.push(cell(b, ins));
    }
    return classifier(states[states.length - 1] as tf.Tensor);
  };

  return {
    roles: [...roles],
    forward(x, weights, edgeScales) {
      return run(x, (b, ins) => {
        const w = weights[b.role];
        if (!w) throw new Error(`No op weights for the ${b.role} cell.`);
        return b.module.forward(ins, w, edgeScales?.[b.role]);
      });
    },
    forwardPath(x, choices) {
      return run(x, (b, ins) => {
        const c = choices[b.role];
        if (!c) throw new Error(`No path for the ${b.role} cell.`);
        return b.module.forwardPath(ins, c);
      });
    },
    opVariables(role, edge, op) {
      return blocks.flatMap((b) =>
        b.kind === 'cell' && b.role === role ? [...b.module.opVariables(edge, op)] : [],
      );
    },
  };
}
