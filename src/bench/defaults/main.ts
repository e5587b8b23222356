/**
 * `npm run bench:defaults`: runs every default experiment the studio offers (preset × dataset ×
 * strategy, 18 in all) through the headless path of `npm run cli -- run` on wasm, trains the best
 * subnet of each SPOS and multi-trial run stand-alone as its reference, prints a table of time,
 * accuracies, chance and the two rules (verdict.ts), and writes bench-results/defaults.json.
 * `--only nb201` (or --space / --dataset / --strategy) runs a subset; `--set strategy.epochs=20`
 * tries another setting; `--no-reference` skips the stand-alone trainings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { initNodeBackend } from '../../engine/node-backend';
import { BENCH_USAGE, parseBenchArgs } from './args';
import { allCombos, comboName, selectCombos } from './combos';
import { comboSpec, runCombo, type ComboResult } from './run-combo';
import { formatDefaultsTable } from './table';
import { TIME_LIMIT_MINUTES } from './verdict';

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if ('problem' in args) {
    console.error(args.problem);
    console.error(`Usage: ${BENCH_USAGE}`);
    return 2;
  }
  const combos = selectCombos(allCombos(), args.filter);
  if (combos.length === 0) {
    console.error('No combination matches the filters.');
    return 2;
  }
  await initNodeBackend('wasm');
  const started = performance.now();
  const rows: ComboResult[] = [];
  for (const [i, combo] of combos.entries()) {
    const made = await comboSpec(combo, args);
    if ('problem' in made) {
      console.error(`${comboName(combo)}: ${made.problem}`);
      return 2;
    }
    console.log(
      `[${i + 1}/${combos.length}] ${comboName(combo)} (load ${loadavg()[0]?.toFixed(1)})`,
    );
    const row = await runCombo(combo, made.spec, args, (line) => console.log(line));
    rows.push(row);
    console.log(
      `  ${row.status}: ${row.cpuMinutes.toFixed(2)} cpu min, ${row.wallMinutes.toFixed(2)} wall min; ${row.verdict.pass ? 'passes' : 'FAILS'}`,
    );
  }
  console.log(`\n${formatDefaultsTable(rows)}\n`);
  console.log(
    `Time rule on CPU minutes (one wasm thread: an idle machine's run time): DARTS ≤ ${TIME_LIMIT_MINUTES.darts}, GDAS ≤ ${TIME_LIMIT_MINUTES.gdas}, SPOS and multi-trial ≤ ${TIME_LIMIT_MINUTES.spos}. ` +
      'Halfway rule: DARTS / GDAS derived ≥ chance + (supernet − chance) / 2; SPOS / multi-trial best ≥ chance + (stand-alone − chance) / 2. Chance: the most frequent validation label.',
  );
  const out = resolve(process.cwd(), args.out);
  mkdirSync(dirname(out), { recursive: true });
  const record = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      node: process.version,
    },
    totalMinutes: (performance.now() - started) / 60000,
    overrides: args.overrides,
    timeLimitMinutes: TIME_LIMIT_MINUTES,
    rows,
  };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`Wrote ${args.out}.`);
  return rows.every((r) => r.verdict.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
