/**
 * A trained subnet as a tfjs LayersModel, laid out as the engine's buildNetwork builds the
 * genotype's network (network.ts, cell-module.ts): stem, cells with their preprocessing (or
 * residual reduction blocks), head. Only the ops the genotype keeps are built; a node none of whose
 * edges was kept is zeros, as in the engine.
 */
import * as tf from '@tensorflow/tfjs';
import { networkPlan, type CellGenesPlan, type NetworkPlan } from '../../core/export/pytorch-plan';
import type { InputShape } from '../../core/experiment/spec';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { createGraphKit, type Apply, type GraphKit, type Sym } from './graph-kit';
import { concatOf, subsampleBlock, sumOf, zerosBlock } from './layer-kit';
import {
  headGraph,
  imageStemGraph,
  opGraph,
  preprocessGraph,
  residualGraph,
  vectorStemGraph,
} from './op-graph';
import { createWeightCursor, type BnMoments } from './weight-cursor';

/** What a subnet model is built from: the searched space, the genotype, the data's shape and the trained values. */
export interface SubnetModelSource {
  readonly space: SearchSpaceSpec;
  readonly genotype: Genotype;
  readonly input: InputShape;
  readonly classes: number;
  /** The network's weights, in the order the engine created them. */
  readonly weights: readonly tf.Variable[];
  /** Recalibrated statistics of each BatchNorm layer, in the order the engine created them. */
  readonly statistics: readonly (BnMoments | undefined)[];
}

/** One cell of the model: its inputs' preprocessing and the cell on the preprocessed inputs. */
type CellRun = (inputs: readonly Sym[]) => Sym;

/** One cell: an op per kept edge (created in edge order, as the engine does), nodes summing their edges. */
function cellGraph(
  kit: GraphKit,
  name: string,
  genes: CellGenesPlan,
  channels: number,
  reduction: boolean,
  domain: 'image' | 'vector',
): CellRun {
  const ops = genes.edges.map((e) => ({
    edge: e,
    apply: opGraph(kit, `${name}_${e.from}to${e.to}_${e.op}`, e.op, {
      domain,
      channels,
      stride: reduction && e.from < genes.inputs ? 2 : 1,
      affine: true,
    }),
  }));
  const zeros = zerosBlock(kit, name);
  const reduce = reduction ? subsampleBlock(kit, `${name}_zeros`) : (x: Sym) => x;
  return (inputs) => {
    const values = new Map<number, Sym>(inputs.map((x, i) => [i, x]));
    for (const node of genes.nodes) {
      const terms = ops
        .filter((o) => o.edge.to === node)
        .map((o) => {
          const from = values.get(o.edge.from);
          if (from === undefined) throw new Error(`Node ${o.edge.from} has no value yet.`);
          return o.apply(from);
        });
      const first = inputs[0];
      if (terms.length === 0 && first === undefined) throw new Error('A cell needs an input.');
      values.set(
        node,
        terms.length > 0 ? sumOf(kit, `${name}_node${node}`, terms) : zeros(reduce(first as Sym)),
      );
    }
    return concatOf(
      kit,
      name,
      genes.outputs.map((n) => {
        const v = values.get(n);
        if (v === undefined) throw new Error(`Output node ${n} has no value.`);
        return v;
      }),
    );
  };
}

type BlockRun =
  | {
      readonly kind: 'cell';
      readonly inputs: readonly number[];
      readonly pre: Apply[];
      readonly run: CellRun;
    }
  | { readonly kind: 'fixed'; readonly apply: Apply };

/** Creates every block in the engine's creation order (stem, blocks, head) and connects them on `x`. */
function networkGraph(kit: GraphKit, plan: NetworkPlan, x: Sym): Sym {
  const stem =
    plan.domain === 'image'
      ? imageStemGraph(kit, plan.inputChannels, plan.stemChannels)
      : vectorStemGraph(kit, plan.inputChannels, plan.stemChannels);
  const blocks: BlockRun[] = plan.blocks.map((b, i) => {
    const name = `b${i + 1}_${b.kind === 'cell' ? b.role : 'residual'}`;
    if (b.kind === 'residual')
      return { kind: 'fixed', apply: residualGraph(kit, name, b.cin, b.cout) };
    const genes = plan.cells[b.role];
    if (!genes) throw new Error(`The network needs a ${b.role} cell, but the genotype has none.`);
    const pre = b.preprocess.map((p, j) => preprocessGraph(kit, `${name}_pre${j}`, p, true));
    return {
      kind: 'cell',
      inputs: b.inputs,
      pre,
      run: cellGraph(kit, name, genes, b.channels, b.reduction, plan.domain),
    };
  });
  const head = headGraph(kit, plan.headChannels, plan.classes, plan.domain, plan.headBnRelu);
  kit.cursor.finish();
  const states: Sym[] = [stem(x)];
  const state = (i: number): Sym => {
    const s = states[i];
    if (s === undefined) throw new Error(`Block output ${i} does not exist.`);
    return s;
  };
  for (const b of blocks) {
    if (b.kind === 'fixed') {
      states.push(b.apply(state(states.length - 1)));
      continue;
    }
    states.push(b.run(b.inputs.map((i, j) => (b.pre[j] as Apply)(state(i)))));
  }
  return head(state(states.length - 1));
}

/**
 * Builds the LayersModel of a trained subnet with its trained weights and BatchNorm statistics;
 * throws ExportMismatch when the trained values do not line up with the layers. Dispose the model.
 */
export function buildSubnetModel(source: SubnetModelSource): tf.LayersModel {
  const plan = networkPlan(source.space, source.genotype, source.input, source.classes);
  const kit = createGraphKit(createWeightCursor(source.weights, source.statistics));
  try {
    const shape =
      source.input.kind === 'image'
        ? [source.input.height, source.input.width, source.input.channels]
        : [source.input.features];
    const model = ((): tf.LayersModel => {
      try {
        const x = tf.input({ shape, name: 'input' });
        return tf.model({ inputs: x, outputs: networkGraph(kit, plan, x), name: 'nas_subnet' });
      } catch (err) {
        kit.discardLayers();
        throw err;
      }
    })();
    try {
      kit.assignWeights();
    } catch (err) {
      model.dispose();
      throw err;
    }
    return model;
  } finally {
    kit.dispose();
  }
}
