/**
 * A worker's half of a repeat: the whole experiment run to its end with the studio's engine, as
 * `cli run` runs it (the same headless run and run file), reporting how far it has got.
 */
import { runFileOf, serializeRunFile } from '../../core/export/run-file';
import { createRunControl } from '../../core/run/control';
import { runHeadless } from '../headless';
import type { RepeatJobData } from './repeat-job';

/**
 * Runs the job's experiment and returns its run file's text; `onStep` hears each step and the
 * run's total. Throws with the run's own message when it does not finish (a run that pauses itself,
 * on a non-finite loss, is stopped by runHeadless: nobody can resume it on a worker).
 */
export async function runRepeatJob(
  job: RepeatJobData,
  onStep: (step: number, total: number) => void,
): Promise<string> {
  if (job.spec.dataset.id === 'upload')
    throw new Error('Experiments on an uploaded file cannot be run by queue workers.');
  const control = createRunControl();
  let total = 0;
  let why = '';
  const startedAt = new Date().toISOString();
  const { status, state } = await runHeadless(job.spec, 'wasm', control, (e) => {
    if (e.type === 'started') total = e.totalSteps;
    else if (e.type === 'step') onStep(e.step, Math.max(total, e.step));
    else if (e.type === 'status' && e.status !== 'running' && e.message !== '' && why === '')
      why = e.message;
  });
  if (status !== 'finished')
    throw new Error(
      `Repeat ${job.index} (seed ${job.spec.seed}) ended ${status}${why === '' ? '' : `: ${why}`}`,
    );
  const file = runFileOf(
    { ...state, spec: job.spec },
    { startedAt, exportedAt: new Date().toISOString() },
  );
  return serializeRunFile(file);
}
