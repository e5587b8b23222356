/**
 * The engine's own wasm module (the C sources here, compiled into module.ts) running inside the
 * tfjs wasm backend's memory: it imports that memory (the shared one of the threaded build, or the
 * plain one), reads its inputs where the tensors lie and writes its outputs into tensors the backend
 * allocates, so no data is copied. The module has no data segment and uses no stack of its own
 * (the build checks), so it writes nowhere but where it is told.
 */
import type * as tf from '@tensorflow/tfjs';
import { NATIVE_PLAIN_BASE64, NATIVE_SHARED_BASE64 } from './module';
import {
  PARTED,
  serialPool,
  spawnBrowserHelper,
  startNativePool,
  type NativePool,
  type PartedFunction,
  type SpawnHelper,
} from './pool';

/** Every function the module exports: the parted ones (pool.ts) and those the caller runs whole. */
const FUNCTIONS = [
  ...PARTED,
  'winograd_filter',
  'winograd_filter_grad_finish',
  'add_parts',
] as const;

/** What the module exports (the C functions take byte offsets into the backend's memory). */
export type NativeExports = Record<(typeof FUNCTIONS)[number], (...args: number[]) => void>;

/** The parts of tfjs's BackendWasm the module needs (not in its public types). */
interface WasmBackendInternals {
  readonly wasm: { readonly asm?: { readonly memory?: unknown }; readonly wasmMemory?: unknown };
  readonly dataIdMap: { get(dataId: object): { memoryOffset: number | null } | undefined };
  write(values: null, shape: number[], dtype: 'float32'): object;
  disposeData(dataId: object): boolean;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

/** The two compiled variants: for a plain memory and for the threaded build's shared one. */
let compiled: { plain: WebAssembly.Module; shared: WebAssembly.Module } | null = null;
let loading: Promise<boolean> | null = null;
/** One instance per backend memory (a new backend instance brings a new memory). */
const instances = new WeakMap<WebAssembly.Memory, NativeExports | null>();
/** The thread pool running parted kernels on a memory, where one was started. */
const pools = new WeakMap<WebAssembly.Memory, NativePool>();
/** Threads of the latest pool started (1 when none). */
let latestThreads = 1;
/** Why the latest request for threads got fewer, or null. */
let latestProblem: string | null = null;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Compiles the module once; resolves false (the kernels then stay tfjs's own) where the runtime
 * cannot, e.g. without WebAssembly SIMD.
 */
export function loadNativeKernels(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const [plain, shared] = await Promise.all([
        WebAssembly.compile(decode(NATIVE_PLAIN_BASE64)),
        WebAssembly.compile(decode(NATIVE_SHARED_BASE64)),
      ]);
      compiled = { plain, shared };
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}

function internals(b: unknown): WasmBackendInternals | null {
  const o = b as Partial<WasmBackendInternals> | null;
  return o?.wasm !== undefined &&
    o.dataIdMap !== undefined &&
    typeof o.write === 'function' &&
    typeof o.disposeData === 'function' &&
    typeof o.makeOutput === 'function'
    ? (o as WasmBackendInternals)
    : null;
}

/** The backend's WebAssembly memory: the threaded build keeps it on the module, the plain one exports it. */
function memoryOf(b: WasmBackendInternals): WebAssembly.Memory | null {
  const m = b.wasm.wasmMemory ?? b.wasm.asm?.memory;
  return m instanceof WebAssembly.Memory ? m : null;
}

function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/** The module instantiated on `memory`, made on first use; null when it cannot be. */
function instanceFor(memory: WebAssembly.Memory): NativeExports | null {
  const known = instances.get(memory);
  if (known !== undefined) return known;
  let made: NativeExports | null = null;
  if (compiled !== null) {
    try {
      const module = isShared(memory) ? compiled.shared : compiled.plain;
      const { exports } = new WebAssembly.Instance(module, { env: { memory } });
      if (FUNCTIONS.every((name) => typeof exports[name] === 'function'))
        made = exports as unknown as NativeExports;
    } catch {
      made = null;
    }
  }
  instances.set(memory, made);
  return made;
}

/** One kernel's use of the module: where its tensors lie, its outputs and scratch in the backend's heap. */
export interface NativeCall {
  readonly e: NativeExports;
  /**
   * Parts to split a kernel into: the pool's threads, at most one per unit of `units` and one per
   * pool's minPartWork of `work` (multiply-adds or elements touched), so small kernels stay whole.
   */
  parts(units: number, work: number): number;
  /** Runs `name(...args, part, parts)` for every part, on the pool's threads where there is one. */
  run(name: PartedFunction, args: readonly number[], parts: number): void;
  /** Byte offset of a tensor's data. */
  at(t: tf.TensorInfo): number;
  /** A new float32 tensor of `shape` (its data uninitialised) and its byte offset. */
  output(shape: readonly number[]): [tf.TensorInfo, number];
  /** `bytes` of scratch, 16-byte aligned, freed by done(). */
  scratch(bytes: number): number;
  /** Writes host numbers at byte offset `at` (16-byte aligned scratch). */
  write(at: number, values: Float32Array | Int32Array): void;
  /** Frees the scratch; returns `result`. */
  done<T>(result: T): T;
}

/** The module on `backend` (tfjs's wasm backend), or null when it is not loaded or cannot run there. */
export function nativeCall(backend: tf.KernelBackend): NativeCall | null {
  const b = internals(backend);
  const memory = b === null ? null : memoryOf(b);
  const e = memory === null ? null : instanceFor(memory);
  if (b === null || memory === null || e === null) return null;
  const offsetOf = (dataId: object): number => {
    const offset = b.dataIdMap.get(dataId)?.memoryOffset;
    if (offset === null || offset === undefined)
      throw new Error('A tensor of the wasm backend has no data in its heap.');
    return offset;
  };
  const scratch: object[] = [];
  const pool = pools.get(memory) ?? null;
  const threads = pool?.threads ?? 1;
  const minWork = pool?.minPartWork ?? 1;
  return {
    e,
    parts: (units, work) =>
      Math.max(1, Math.min(threads, Math.floor(units), Math.floor(work / minWork))),
    run(name, args, parts) {
      if (pool === null || parts <= 1) e[name](...args, 0, 1);
      else pool.run(name, args, parts);
    },
    at: (t) => offsetOf(t.dataId),
    output(shape) {
      const out = b.makeOutput([...shape], 'float32');
      return [out, offsetOf(out.dataId)];
    },
    scratch(bytes) {
      const id = b.write(null, [Math.ceil(bytes / 4) + 4], 'float32');
      scratch.push(id);
      return Math.ceil(offsetOf(id) / 16) * 16;
    },
    write(at, values) {
      const Ctor = values instanceof Float32Array ? Float32Array : Int32Array;
      new Ctor(memory.buffer, at, values.length).set(values);
    },
    done(result) {
      for (const id of scratch) b.disposeData(id);
      scratch.length = 0;
      return result;
    },
  };
}

/** The backend's memory and the module's instance on it, or null. */
function moduleOn(backend: tf.KernelBackend): [WebAssembly.Memory, NativeExports] | null {
  const b = internals(backend);
  const memory = b === null ? null : memoryOf(b);
  const e = memory === null ? null : instanceFor(memory);
  return memory === null || e === null ? null : [memory, e];
}

function setPool(memory: WebAssembly.Memory, pool: NativePool | null): void {
  pools.get(memory)?.close();
  if (pool === null) pools.delete(memory);
  else pools.set(memory, pool);
  latestThreads = pool?.threads ?? 1;
}

/**
 * Runs the module's parted kernels on `threads` threads on `backend` (the threaded build's shared
 * memory, in a thread that may block): starts the helpers and resolves the threads they give (1
 * where they cannot start; the kernels then run on the calling thread alone).
 */
export async function startNativeThreads(
  backend: tf.KernelBackend,
  threads: number,
  spawn: SpawnHelper = spawnBrowserHelper,
): Promise<number> {
  latestProblem = null;
  const found = compiled === null ? null : moduleOn(backend);
  if (found === null || compiled === null) {
    if (threads > 1)
      latestProblem =
        compiled === null
          ? "the engine's wasm module did not load"
          : "the engine's wasm module cannot run in this backend's memory";
    return 1;
  }
  const [memory, e] = found;
  if ((pools.get(memory)?.threads ?? 1) === threads) return threads;
  if (threads > 1 && !isShared(memory)) {
    setPool(memory, null);
    latestProblem = 'this browser cannot run WebAssembly threads';
    return 1;
  }
  const pool = await startNativePool(compiled.shared, memory, threads, e, spawn);
  setPool(memory, pool);
  if (threads > 1 && pool === null) latestProblem = "the engine's thread pool did not start";
  return pool?.threads ?? 1;
}

/** Why the latest startNativeThreads got fewer threads than it asked for, or null. */
export function nativeThreadsProblem(): string | null {
  return latestProblem;
}

/**
 * Tests: runs every part of the parted kernels on `backend` one after another on this thread, as
 * `threads` threads would split them (null: back to one part); returns the count of split calls
 * per function.
 */
export function useSerialParts(
  backend: tf.KernelBackend,
  threads: number | null,
): ReadonlyMap<PartedFunction, number> {
  const split = new Map<PartedFunction, number>();
  const found = moduleOn(backend);
  if (found !== null)
    setPool(found[0], threads === null ? null : serialPool(found[1], threads, split));
  return split;
}

/** Threads the module's parted kernels run on (the latest pool started; 1 without one). */
export function nativeThreads(): number {
  return latestThreads;
}

/** True once loadNativeKernels has compiled the module. */
export function nativeLoaded(): boolean {
  return compiled !== null;
}

/** Elements of a tensor. */
export function sizeOf(t: tf.TensorInfo): number {
  return t.shape.reduce((a, b) => a * b, 1);
}
