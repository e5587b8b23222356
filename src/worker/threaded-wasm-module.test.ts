import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchThreadedModule } from '../../scripts/threaded-wasm-plugin';

const require = createRequire(import.meta.url);
const source = readFileSync(
  require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
  'utf8',
);

/** Evaluates the CommonJS module text and returns what it exports: the factory. */
function factoryOf(text: string): (...args: unknown[]) => unknown {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', text)(module, module.exports);
  return module.exports as (...args: unknown[]) => unknown;
}

/** The text tfjs hands each pthread worker: the factory, on its own. */
function pthreadScript(text: string): string {
  return `var WasmBackendModuleThreadedSimd = ${factoryOf(text).toString()}`;
}

describe('the threaded wasm module as the build rewrites it', () => {
  it('gives pthread workers a factory that declares _scriptDir itself', () => {
    // As shipped, the factory reads _scriptDir from the scope tfjs drops: minified, that read throws.
    expect(pthreadScript(source)).not.toMatch(/var _scriptDir/);
    const patched = pthreadScript(patchThreadedModule(source));
    expect(patched).toMatch(/var _scriptDir = typeof document/);
    // The worker's script still defines the factory at the top level.
    const defined = new Function(`${patched}; return typeof WasmBackendModuleThreadedSimd;`)();
    expect(defined).toBe('function');
  });

  it('reports twice the logical cores to the compiled cap, which halves them', () => {
    const patched = patchThreadedModule(source);
    const fn = /function _emscripten_num_logical_cores\(\)\{[^}]*\}/.exec(patched)?.[0] ?? '';
    const cores = new Function(
      'ENVIRONMENT_IS_NODE',
      'navigator',
      `${fn}; return _emscripten_num_logical_cores();`,
    )(false, { hardwareConcurrency: 6 });
    expect(cores).toBe(12);
  });

  it('fails loudly on a module it does not recognise', () => {
    expect(() => patchThreadedModule('var WasmBackendModuleThreadedSimd = 1;')).toThrow(
      /no longer has the outer _scriptDir declaration/,
    );
  });
});
