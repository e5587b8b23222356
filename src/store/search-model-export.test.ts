import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NO_TRAINED_WORKER } from '../bridge/model-export';
import { runContext, standaloneKey } from './search-selectors';
import { modelZipName } from './search-queue';
import { scoreOf, scriptedStore, tick, type ScriptedClient } from './scripted-client.testkit';
import { record, sposSpec } from './search.testkit';

type Store = ReturnType<typeof scriptedStore>['store'];

const FILES = { modelJson: '{"format":"layers-model"}', weights: new Uint8Array([1, 2, 3]).buffer };
const keyOf = (genotypeKey: string): string => standaloneKey(runContext(sposSpec(1)), genotypeKey);

/** A store with a finished SPOS run of subnets a and b (run 1), a trained stand-alone (its score keyed `a@k1`). */
async function trained(): Promise<{ store: Store; client: ScriptedClient }> {
  const { store, clients } = scriptedStore();
  store.setState({ spec: sposSpec(1) });
  const run = store.getState().startRun();
  await tick();
  const client = clients[0];
  if (!client) throw new Error('no client was made');
  client.send([
    { type: 'subnet', record: record('a', 0.9, 300) },
    { type: 'subnet', record: record('b', 0.5, 100) },
  ]);
  client.end('finished');
  await run;
  store.getState().trainStandalone(['1:a']);
  await tick();
  client.endTraining({ status: 'finished', score: { ...scoreOf('a', 0.8), key: 'a@k1' } });
  await tick();
  return { store, client };
}

/** Collects what the action saves. */
function saver() {
  const saved: { filename: string; zip: Uint8Array }[] = [];
  return { saved, save: (filename: string, zip: Uint8Array) => void saved.push({ filename, zip }) };
}

describe('search slice: tfjs model download', () => {
  it("asks the worker for the score's model, shows it preparing, then saves one zip of model.json and weights.bin", async () => {
    const { store, client } = await trained();
    const { saved, save } = saver();
    const done = store.getState().downloadStandaloneModel('1:a', save);
    expect(store.getState().modelExports).toEqual({ [keyOf('a')]: { state: 'preparing' } });
    expect(client.calls.at(-1)).toBe('export a@k1');
    client.endExport(FILES);
    await done;
    expect(store.getState().modelExports).toEqual({});
    expect(saved.map((s) => s.filename)).toEqual([modelZipName('a')]);
    expect(modelZipName('a')).toMatch(/^subnet-[0-9a-z]+-tfjs\.zip$/);
    const files = unzipSync(saved[0]?.zip ?? new Uint8Array());
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    expect(strFromU8(files['model.json'] ?? new Uint8Array())).toBe(FILES.modelJson);
    expect([...(files['weights.bin'] ?? [])]).toEqual([1, 2, 3]);
  });

  it('keeps the problem the worker names beside the entry, and clears it when the subnet is trained again', async () => {
    const { store, client } = await trained();
    const { saved, save } = saver();
    const done = store.getState().downloadStandaloneModel('1:a', save);
    client.endExport({
      problem: 'Train it stand-alone again: only the last 4 trained subnets are kept.',
    });
    await done;
    expect(saved).toEqual([]);
    expect(store.getState().modelExports).toEqual({
      [keyOf('a')]: {
        state: 'failed',
        message: 'Train it stand-alone again: only the last 4 trained subnets are kept.',
      },
    });
    store.setState((s) => ({ search: { ...s.search, standalone: {} } }));
    store.getState().trainStandalone(['1:a']);
    expect(store.getState().modelExports).toEqual({});
  });

  it('says so when saving the file fails', async () => {
    const { store, client } = await trained();
    const done = store.getState().downloadStandaloneModel('1:a', () => {
      throw new Error('The browser refused the download.');
    });
    client.endExport(FILES);
    await done;
    expect(store.getState().modelExports[keyOf('a')]).toEqual({
      state: 'failed',
      message: 'The tfjs model could not be downloaded: The browser refused the download.',
    });
  });

  it('does nothing for a subnet not trained stand-alone, an unknown point, or one already preparing', async () => {
    const { store, client } = await trained();
    const { saved, save } = saver();
    const calls = client.calls.length;
    await store.getState().downloadStandaloneModel('1:b', save);
    await store.getState().downloadStandaloneModel('9:z', save);
    expect(client.calls.length).toBe(calls);
    const first = store.getState().downloadStandaloneModel('1:a', save);
    await store.getState().downloadStandaloneModel('1:a', save);
    expect(client.calls.slice(calls)).toEqual(['export a@k1']);
    client.endExport(FILES);
    await first;
    expect(saved).toHaveLength(1);
    expect(store.getState().modelExports).toEqual({});
  });

  it('names the missing worker when the studio has none', async () => {
    const { store } = scriptedStore();
    store.setState({ spec: sposSpec(1) });
    const spec = sposSpec(1);
    store.setState((s) => ({
      run: { ...s.run, runId: 1, spec, subnets: [record('a', 0.9, 300)] },
      search: {
        ...s.search,
        standalone: { [keyOf('a')]: { state: 'done', epochs: 1, score: scoreOf('a@k1', 0.8) } },
      },
    }));
    await store.getState().downloadStandaloneModel('1:a', () => undefined);
    expect(store.getState().modelExports[keyOf('a')]).toEqual({
      state: 'failed',
      message: NO_TRAINED_WORKER,
    });
  });
});
