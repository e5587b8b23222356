/**
 * The small dense linear algebra the proxies need on the host, in float64: the correlation matrix
 * of rows (jacob_cov), eigenvalues of a symmetric matrix (cyclic Jacobi) and the log-determinant of
 * a symmetric matrix (NASWOT's kernel). Matrices are row-major Float64Arrays of n x n.
 */

/** Pearson correlation between the rows of `x` ([rows, cols], row-major), as numpy's corrcoef: [rows, rows]. NaN where a row is constant. */
export function rowCorrelation(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const centred = new Float64Array(rows * cols);
  const norms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let mean = 0;
    for (let j = 0; j < cols; j++) mean += x[i * cols + j] ?? 0;
    mean /= cols;
    let ss = 0;
    for (let j = 0; j < cols; j++) {
      const d = (x[i * cols + j] ?? 0) - mean;
      centred[i * cols + j] = d;
      ss += d * d;
    }
    norms[i] = Math.sqrt(ss);
  }
  const out = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let k = i; k < rows; k++) {
      let dot = 0;
      for (let j = 0; j < cols; j++)
        dot += (centred[i * cols + j] ?? 0) * (centred[k * cols + j] ?? 0);
      const r = dot / ((norms[i] ?? 0) * (norms[k] ?? 0));
      out[i * rows + k] = r;
      out[k * rows + i] = r;
    }
  }
  return out;
}

/** Eigenvalues of the symmetric n x n matrix `a` (cyclic Jacobi rotations to 1e-12 off-diagonal), ascending. */
export function symmetricEigenvalues(a: ArrayLike<number>, n: number): number[] {
  const m = Float64Array.from({ length: n * n }, (_, i) => a[i] ?? 0);
  const at = (i: number, j: number): number => m[i * n + j] ?? 0;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale += (m[i] ?? 0) ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    if (off <= 1e-24 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => at(i, i)).sort((x, y) => x - y);
}

/**
 * log |det a| of the n x n matrix `a` by LU decomposition with partial pivoting (numpy's slogdet
 * keeps the log of the absolute value too); -Infinity when `a` is singular.
 */
export function logAbsDeterminant(a: ArrayLike<number>, n: number): number {
  const m = Float64Array.from({ length: n * n }, (_, i) => a[i] ?? 0);
  let log = 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r * n + col] ?? 0) > Math.abs(m[pivot * n + col] ?? 0)) pivot = r;
    const p = m[pivot * n + col] ?? 0;
    if (p === 0) return -Infinity;
    if (pivot !== col)
      for (let k = 0; k < n; k++) {
        const tmp = m[col * n + k] ?? 0;
        m[col * n + k] = m[pivot * n + k] ?? 0;
        m[pivot * n + k] = tmp;
      }
    log += Math.log(Math.abs(p));
    for (let r = col + 1; r < n; r++) {
      const f = (m[r * n + col] ?? 0) / p;
      if (f === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] = (m[r * n + k] ?? 0) - f * (m[col * n + k] ?? 0);
    }
  }
  return log;
}
