/** The costs a subnet is plotted and bounded against: counted parameters, counted FLOPs, latency measured on this device. */

/** The cost axes, in the order the Pareto chart's select lists them. */
export const COST_AXES = ['params', 'flops', 'latencyMs'] as const;

/** A cost a Pareto chart plots on x (a subnet record's field). */
export type CostAxis = (typeof COST_AXES)[number];
