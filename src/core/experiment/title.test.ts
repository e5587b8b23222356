import { describe, expect, it } from 'vitest';
import { defaultExperiment } from './defaults';
import { experimentTitle } from './title';

describe('experimentTitle', () => {
  it('keeps the name of a preset space, and calls a composed one a custom space', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    expect(experimentTitle(spec)).toBe(spec.name);
    const composed = { ...spec, space: { ...spec.space, preset: null } };
    expect(experimentTitle(composed)).toBe(`Custom space on ${spec.name.split(' on ')[1]}`);
    expect(experimentTitle({ ...composed, name: 'My own search' })).toBe('My own search');
  });
});
