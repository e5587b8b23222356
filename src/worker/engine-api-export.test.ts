import { describe, expect, it } from 'vitest';
import { gatedRunner, setupEngine } from './engine-parts.testkit';

describe('createEngineApi: exportStandaloneModel', () => {
  it("hands the key to the parts' export and resolves its files", async () => {
    const asked: string[] = [];
    const files = { modelJson: '{"format":"layers-model"}', weights: new ArrayBuffer(8) };
    const { api } = setupEngine(gatedRunner(1), {
      exportStandaloneModel: async (key) => (asked.push(key), files),
    });
    expect(await api.exportStandaloneModel('subnet-a@k1')).toBe(files);
    expect(asked).toEqual(['subnet-a@k1']);
  });

  it('turns a failing export into a plain problem', async () => {
    const { api } = setupEngine(gatedRunner(1), {
      exportStandaloneModel: () => Promise.reject(new Error('the backend was lost')),
    });
    expect(await api.exportStandaloneModel('k')).toEqual({
      problem: 'The tfjs model could not be made: the backend was lost.',
    });
  });

  it("passes the parts' own problem on unchanged", async () => {
    const { api, log } = setupEngine(gatedRunner(1));
    expect(await api.exportStandaloneModel('never-trained@k')).toEqual({
      problem: 'No trained subnet is kept here.',
    });
    expect(log).toEqual(['export never-trained@k']);
  });
});
