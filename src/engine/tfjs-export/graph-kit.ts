/** Where a tfjs model is assembled: unique layer names, the trained weights to read, and each layer's values. */
import * as tf from '@tensorflow/tfjs';
import type { WeightCursor } from './weight-cursor';

/** A symbolic tensor of the model being assembled. */
export type Sym = tf.SymbolicTensor;

/** Adds layers to the model on one input. */
export type Apply = (x: Sym) => Sym;

/** Where a model is assembled: unique layer names, the trained weights to read, and the values each layer gets. */
export interface GraphKit {
  readonly cursor: WeightCursor;
  /** A layer name unique in the model, from `base`. */
  name(base: string): string;
  /** Applies `layer` to `inputs`, remembering `values` as its weights; returns its output. */
  apply(layer: tf.layers.Layer, inputs: Sym | Sym[], values?: readonly tf.Tensor[]): Sym;
  /** Keeps `t` (a tensor made for a layer's values) until the weights are assigned; returns it. */
  own(t: tf.Tensor): tf.Tensor;
  /** Copies every remembered value into its (now built) layer. */
  assignWeights(): void;
  /** Disposes the weights of every layer applied so far (when no model was made of them). */
  discardLayers(): void;
  /** Frees the tensors the kit owns (call it once the weights are assigned, or on failure). */
  dispose(): void;
}

/** A fresh kit over `cursor`. */
export function createGraphKit(cursor: WeightCursor): GraphKit {
  const used = new Set<string>();
  const assignments: { layer: tf.layers.Layer; values: readonly tf.Tensor[] }[] = [];
  const owned: tf.Tensor[] = [];
  const layers: tf.layers.Layer[] = [];
  const kit: GraphKit = {
    cursor,
    name(base) {
      const clean = base.replace(/[^A-Za-z0-9_]+/g, '_');
      let name = clean;
      for (let n = 2; used.has(name); n++) name = `${clean}_${n}`;
      used.add(name);
      return name;
    },
    apply(layer, inputs, values = []) {
      const out = layer.apply(inputs);
      layers.push(layer);
      if (!(out instanceof tf.SymbolicTensor))
        throw new Error(`The ${layer.getClassName()} layer did not give one output.`);
      if (values.length > 0) assignments.push({ layer, values });
      return out;
    },
    own(t) {
      owned.push(t);
      return t;
    },
    assignWeights() {
      for (const { layer, values } of assignments) layer.setWeights([...values]);
    },
    discardLayers() {
      for (const layer of layers) layer.dispose();
      layers.length = 0;
    },
    dispose() {
      tf.dispose(owned);
      owned.length = 0;
      assignments.length = 0;
    },
  };
  return kit;
}

/** Applies blocks in order. */
export function chain(...blocks: Apply[]): Apply {
  return (x) => blocks.reduce((h, f) => f(h), x);
}
