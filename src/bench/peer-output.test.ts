import { describe, expect, it } from 'vitest';
import {
  checkedPeer,
  formatRelativeSpeed,
  parsePeerOutput,
  peerRelativeSpeed,
} from './peer-output';
import { peerThreads } from './peer';

const RUN = { threads: 2, msPerStep: 205.5, samples: [205.5, 210, 201], warmupMs: [300, 250] };

describe('parsePeerOutput', () => {
  it('reads the count-only and the timed forms', () => {
    expect(parsePeerOutput('{"torch": "1.13.0a0", "params": 395866}\n')).toEqual({
      torch: '1.13.0a0',
      params: 395866,
      runs: [],
    });
    const timed = parsePeerOutput(
      `a warning printed first\n${JSON.stringify({ torch: '2.1', params: 7, runs: [RUN] })}\n`,
    );
    expect(timed.runs).toEqual([RUN]);
    expect(timed.params).toBe(7);
  });

  it('says what is wrong with output it cannot use', () => {
    expect(() => parsePeerOutput('')).toThrow('printed no JSON object (it printed: nothing)');
    expect(() => parsePeerOutput('{not json')).toThrow('a line that is not JSON: {not json');
    expect(() => parsePeerOutput('{"torch": "1.13", "params": "many"}')).toThrow(
      "the PyTorch peer's output is not as expected at params",
    );
    expect(() =>
      parsePeerOutput(JSON.stringify({ torch: '1', params: 1, runs: [{ ...RUN, samples: [] }] })),
    ).toThrow('at runs.0.samples');
  });
});

describe('checkedPeer', () => {
  const output = { torch: '1.13.0a0', params: 395866, runs: [RUN] };

  it('is ok only when the peer counts the studio supernet’s weights', () => {
    const ok = checkedPeer(output, 395866);
    expect(ok.status).toBe('ok');
    expect(ok.note).toBe('torch 1.13.0a0; peer 395,866 weights, studio 395,866 (same)');
    expect(ok.runs).toEqual([RUN]);
    const other = checkedPeer(output, 395000);
    expect(other.status).toBe('failed');
    expect(other.note).toBe(
      "the peer's network is not the studio's: peer 395,866 weights, studio 395,000",
    );
    const unknown = checkedPeer(output, null);
    expect(unknown.status).toBe('failed');
    expect(unknown.note).toContain('could not be checked');
  });
});

describe('peer-relative speed', () => {
  it('is peer ms over studio ms', () => {
    expect(peerRelativeSpeed(940, 205)).toBeCloseTo(0.218, 3);
    expect(peerRelativeSpeed(100, 200)).toBe(2);
    expect(peerRelativeSpeed(null, 200)).toBeNull();
    expect(peerRelativeSpeed(100, null)).toBeNull();
    expect(peerRelativeSpeed(0, 200)).toBeNull();
  });

  it('prints two decimals below 1x, one up to 10x, none above', () => {
    expect(formatRelativeSpeed(0.218)).toBe('0.22x');
    expect(formatRelativeSpeed(1.04)).toBe('1.0x');
    expect(formatRelativeSpeed(12.4)).toBe('12x');
    expect(formatRelativeSpeed(0.0061)).toBe('0.006x');
    expect(formatRelativeSpeed(null)).toBe('-');
  });
});

describe('peerThreads', () => {
  it('times 1 and 2 threads, and every core when there are more', () => {
    expect(peerThreads(2)).toEqual([1, 2]);
    expect(peerThreads(1)).toEqual([1, 2]);
    expect(peerThreads(8)).toEqual([1, 2, 8]);
  });
});
