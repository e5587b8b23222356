// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText, fileStem } from './download';

/** Records what a download hands the browser: the clicked link's name and address, and the blob behind it. */
function watchDownloads() {
  const clicks: { name: string; href: string; attached: boolean }[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((obj) => {
    const url = `blob:test/${blobs.size}`;
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ name: this.download, href: this.href, attached: this.isConnected });
  });
  return { clicks, blobs, revoked };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloads', () => {
  it('downloadBlob clicks a temporary link to the blob, then removes it and frees the address', () => {
    vi.useFakeTimers();
    const { clicks, blobs, revoked } = watchDownloads();
    const blob = new Blob([new Uint8Array([80, 75, 3, 4])], { type: 'application/zip' });
    downloadBlob('subnet.tfjs.zip', blob);
    expect(clicks).toEqual([{ name: 'subnet.tfjs.zip', href: 'blob:test/0', attached: true }]);
    expect(blobs.get('blob:test/0')).toBe(blob);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('downloadText saves the text with its MIME type', async () => {
    const { clicks, blobs } = watchDownloads();
    downloadText('run.json', '{"a":1}', 'application/json');
    expect(clicks.map((c) => c.name)).toEqual(['run.json']);
    const blob = blobs.get('blob:test/0');
    expect(blob?.type).toBe('application/json');
    expect(await blob?.text()).toBe('{"a":1}');
  });

  it('fileStem keeps lower-case letters and digits joined by dashes', () => {
    expect(fileStem('My DARTS run #2')).toBe('my-darts-run-2');
    expect(fileStem('***')).toBe('nas-studio-run');
  });
});
