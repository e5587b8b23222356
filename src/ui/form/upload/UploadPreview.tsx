/** The preview of a parsed upload: class counts, and a scatter (2 features), the first rows, or example images per class. */
import { useEffect, useRef } from 'react';
import type { UploadPreview as Preview } from '../../../core/data/upload/preview';

const COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** One example image drawn pixel for pixel on a small canvas (scaled up by CSS). */
function ExampleImage({
  pixels,
  side,
  channels,
}: {
  pixels: Float32Array;
  side: number;
  channels: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(side, side);
    for (let p = 0; p < side * side; p++) {
      for (let c = 0; c < 3; c++)
        img.data[p * 4 + c] = Math.round(
          255 * (pixels[p * channels + (channels === 3 ? c : 0)] ?? 0),
        );
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, side, channels]);
  return <canvas ref={ref} width={side} height={side} className="upload-example" />;
}

/** A scatter of the first two features, coloured by class. */
function Scatter({ preview }: { preview: Preview }) {
  const xs = preview.points.map((p) => p.x);
  const ys = preview.points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (v: number) => 6 + ((v - x0) / (x1 - x0 || 1)) * 188;
  const sy = (v: number) => 194 - ((v - y0) / (y1 - y0 || 1)) * 188;
  return (
    <svg
      width={200}
      height={200}
      className="upload-scatter"
      data-testid="upload-scatter"
      role="img"
      aria-label="Scatter of the two features by class"
    >
      {preview.points.map((p, i) => (
        <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={2} fill={COLOURS[p.c % COLOURS.length]} />
      ))}
    </svg>
  );
}

/** What the file gives: class counts, then the scatter, the table of first rows, or example images. */
export function UploadPreview({
  preview,
  side,
  channels,
}: {
  preview: Preview;
  side: number;
  channels: number;
}) {
  return (
    <div className="upload-preview" data-testid="upload-preview">
      <ul className="upload-classes" data-testid="upload-class-counts">
        {preview.classNames.map((name, c) => (
          <li key={name}>
            <span className="upload-swatch" style={{ background: COLOURS[c % COLOURS.length] }} />
            {name}: {preview.counts[c] ?? 0}
          </li>
        ))}
      </ul>
      {preview.points.length > 0 ? <Scatter preview={preview} /> : null}
      {preview.points.length === 0 && preview.rows.length > 0 ? (
        <table className="upload-rows" data-testid="upload-rows">
          <thead>
            <tr>
              {preview.features.map((f) => (
                <th key={f}>{f}</th>
              ))}
              <th>label</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {r.values.map((v, j) => (
                  <td key={j}>{Number(v.toPrecision(4))}</td>
                ))}
                <td>{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.images.length > 0 ? (
        <div className="upload-grid" data-testid="upload-images">
          {preview.classNames.map((name, c) => {
            const own = preview.images.filter((i) => i.c === c);
            return own.length === 0 ? null : (
              <div key={name} className="upload-grid-row">
                <span>{name}</span>
                {own.map((i, k) => (
                  <ExampleImage key={k} pixels={i.pixels} side={side} channels={channels} />
                ))}
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
