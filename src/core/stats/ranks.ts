/** Ranks of a sample with ties sharing their average rank (the convention of Spearman's rho). */

/** 1-based ranks of `values`, tied values each getting the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]?.v === order[start]?.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) {
      const at = order[j];
      if (at) ranks[at.i] = rank;
    }
    start = end;
  }
  return ranks;
}
