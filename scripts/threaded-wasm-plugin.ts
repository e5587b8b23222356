/**
 * A Vite plugin that makes tfjs's threaded wasm backend work in the built site and use every core.
 * It rewrites tfjs's threaded Emscripten module (tfjs-backend-wasm 4.22) in two places:
 *
 * 1. tfjs starts each pthread worker from `factory.toString()`, so the factory must not read
 *    anything from the scope around it. As shipped it reads `_scriptDir`, declared one scope out;
 *    a minifier renames it and drops its `typeof` guard, and every pthread worker dies with
 *    "e is not defined" (tfjs issues #4107 and #4539). The declaration moves inside the factory,
 *    where it means the same (both are undefined in a worker).
 * 2. The compiled backend caps its thread pool at `emscripten_num_logical_cores() / 2` (it takes
 *    every logical core for a hyper-thread), which is one thread on a 2-core machine whatever
 *    `setThreadsCount` asks. The module's JavaScript side of that call answers twice
 *    `navigator.hardwareConcurrency`, so the cap becomes the logical cores and the studio's own
 *    choice (src/worker/threads.ts) decides.
 *
 * Each rewrite checks that the text it replaces is there, so a tfjs upgrade fails the build
 * instead of silently losing threads.
 */
import type { Plugin } from 'vite';

/** The module the rewrites apply to. */
const THREADED_MODULE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

const OUTER_DECLARATION = [
  "  var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;",
  "  if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;",
].join('\n');

const FACTORY_START =
  'function(WasmBackendModuleThreadedSimd) {\n  WasmBackendModuleThreadedSimd = WasmBackendModuleThreadedSimd || {};\n';

const LOGICAL_CORES =
  'function _emscripten_num_logical_cores(){if(ENVIRONMENT_IS_NODE)return require("os").cpus().length;return navigator["hardwareConcurrency"]}';

const LOGICAL_CORES_DOUBLED =
  'function _emscripten_num_logical_cores(){if(ENVIRONMENT_IS_NODE)return 2*require("os").cpus().length;return 2*navigator["hardwareConcurrency"]}';

/** Replaces the one occurrence of `from`; throws, naming `what`, when it is missing. */
function replaceOnce(text: string, from: string, to: string, what: string): string {
  if (!text.includes(from)) {
    throw new Error(
      `tfjs-backend-wasm-threaded-simd.js no longer has ${what}; ` +
        'check whether scripts/threaded-wasm-plugin.ts is still needed',
    );
  }
  return text.replace(from, to);
}

/** The threaded module's source with a self-contained factory and the core cap lifted; throws on an unexpected source. */
export function patchThreadedModule(code: string): string {
  let text = code.replace(/\r\n/g, '\n');
  text = replaceOnce(text, OUTER_DECLARATION, '', 'the outer _scriptDir declaration');
  text = replaceOnce(
    text,
    FACTORY_START,
    `${FACTORY_START}${OUTER_DECLARATION}\n`,
    'the factory it builds pthread workers from',
  );
  return replaceOnce(text, LOGICAL_CORES, LOGICAL_CORES_DOUBLED, 'its logical-core count');
}

/** The plugin: rewrites tfjs's threaded wasm module in every bundle (the page and the workers). */
export function threadedWasm(): Plugin {
  return {
    name: 'nas-studio:threaded-wasm',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_MODULE.test(id.split('?')[0] ?? id)) return null;
      return { code: patchThreadedModule(code), map: null };
    },
  };
}
