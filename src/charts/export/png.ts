/** Rasterises standalone SVG text to a PNG blob through an <img> and a canvas at twice its size. */
import { ChartExportError } from './export-error';

/** How many canvas pixels a CSS pixel of the chart becomes. */
export const PNG_SCALE = 2;

function loadImage(url: string, doc: Document): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = doc.createElement('img');
    img.onload = () => resolve(img);
    img.onerror = () =>
      reject(new ChartExportError('The browser could not read the chart as an image.'));
    img.src = url;
  });
}

/** The PNG of `svg` (width x height CSS pixels) drawn at `scale` times its size. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  doc: Document,
  scale: number = PNG_SCALE,
): Promise<Blob> {
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, doc);
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new ChartExportError('This browser cannot draw on a canvas.');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new ChartExportError('The browser could not encode the chart as a PNG.'));
      }, 'image/png');
    } catch (e) {
      reject(
        new ChartExportError(
          e instanceof DOMException && e.name === 'SecurityError'
            ? 'The browser refused to export this chart as a PNG (the canvas is tainted). Download the SVG instead.'
            : 'The chart could not be turned into a PNG. Download the SVG instead.',
        ),
      );
    }
  });
}
