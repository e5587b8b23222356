import { describe, expect, it } from 'vitest';
import {
  liftInlineScripts,
  PAGE_POLICY,
  policyFor,
  WORKER_POLICY,
} from '../../scripts/csp-plugin';

describe('the Content-Security-Policy plugin', () => {
  it('gives worker scripts the worker policy and everything else the page policy', () => {
    expect(policyFor('worker')).toBe(`${WORKER_POLICY}; frame-ancestors 'self'`);
    expect(policyFor('document')).toBe(`${PAGE_POLICY}; frame-ancestors 'self'`);
    expect(policyFor(undefined)).toBe(`${PAGE_POLICY}; frame-ancestors 'self'`);
    expect(PAGE_POLICY.endsWith("worker-src 'self'")).toBe(true);
    expect(PAGE_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('moves inline module scripts to files, once per distinct script', () => {
    const scripts: string[] = [];
    const html =
      '<head><script type="module">a()</script><script type="module" src="/x.js"></script></head>' +
      '<body><script type="module">a()</script><script type="module">b()</script></body>';
    const out = liftInlineScripts(html, scripts);
    expect(scripts).toEqual(['a()', 'b()']);
    expect(out).toBe(
      '<head><script type="module" src="/@nas-studio/inline-script-0.js"></script>' +
        '<script type="module" src="/x.js"></script></head>' +
        '<body><script type="module" src="/@nas-studio/inline-script-0.js"></script>' +
        '<script type="module" src="/@nas-studio/inline-script-1.js"></script></body>',
    );
  });

  it('refuses an inline classic script it cannot serve as a module', () => {
    expect(() => liftInlineScripts('<script>alert(1)</script>', [])).toThrow(/inline script/);
  });
});
