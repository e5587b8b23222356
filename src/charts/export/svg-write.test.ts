// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exportElement as el, exportText as text } from './export-tree';
import { standaloneSvg } from './standalone';
import { writeSvg } from './svg-write';

const write = (tree: Parameters<typeof writeSvg>[0]): string =>
  writeSvg(tree, document, new XMLSerializer());

describe('writeSvg', () => {
  it('writes an svg root that declares the SVG namespace', () => {
    const out = write(
      standaloneSvg(el('svg', { width: '20', height: '10' }, [el('path', { d: 'M0,0' })])),
    );
    expect(out.startsWith('<svg')).toBe(true);
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out.match(/xmlns=/g)).toHaveLength(1);
    expect(out).toContain('width="20"');
    expect(out).toContain('viewBox="0 0 20 10"');
    expect(out).toMatch(/<svg[^>]*><rect x="0" y="0" width="20" height="10" fill="#ffffff"\/?>/);
  });

  it('keeps a label that looks like markup as escaped text', () => {
    const label = '<script>alert(1)</script> & "quoted"';
    const out = write(
      standaloneSvg(
        el('svg', { width: '20', height: '10' }, [
          el('text', { 'data-name': label }, [text(label)]),
        ]),
        { title: label },
      ),
    );
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(out).toContain(
      'data-name="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"',
    );
    const parsed = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(parsed.querySelector('script')).toBeNull();
    expect(parsed.querySelector('text')?.textContent).toBe(label);
    expect(parsed.querySelector('title')?.textContent).toBe(label);
  });

  it('writes inlined styles as a style attribute', () => {
    const out = write(
      standaloneSvg(
        el('svg', { width: '5', height: '5' }, [
          el('circle', { r: '2' }, [], { fill: 'rgb(26, 115, 232)' }),
        ]),
      ),
    );
    expect(out).toContain('<circle r="2" style="fill: rgb(26, 115, 232)"');
  });
});
