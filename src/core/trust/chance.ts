/** Chance accuracy of an experiment's data, and whether an accuracy is near it. */
import { datasetInput } from '../data/load';
import type { DatasetSpec } from '../experiment/spec';
import { NEAR_CHANCE_SHARE } from './thresholds';

/** The class count of the data and the accuracy of a uniform guess among the classes (1 / classes). */
export function chanceOf(dataset: DatasetSpec): { classes: number; chance: number } {
  const { classes } = datasetInput(dataset);
  return { classes, chance: 1 / classes };
}

/** The accuracy below which a score counts as near chance: chance + NEAR_CHANCE_SHARE of the way to 1. */
export function nearChanceLimit(chance: number): number {
  return chance + NEAR_CHANCE_SHARE * (1 - chance);
}

/** True when `accuracy` is finite and below nearChanceLimit(chance). */
export function isNearChance(accuracy: number, chance: number): boolean {
  return Number.isFinite(accuracy) && accuracy < nearChanceLimit(chance);
}
