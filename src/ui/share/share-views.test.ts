import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../core/experiment/defaults';
import { decodeLink, encodeLink, type RunSummary } from '../../core/link';
import { LinkProblems } from '../header/ErrorBanner';
import { CopyLink, copyNote } from './CopyLink';
import { RepairList } from './LinkNotice';
import { SharedResultCard } from './LinkSummaryCard';
import { headlines, readableDate } from './result-card-data';

const hostile = '<img src=x onerror=alert(1)>';
const nb201 = defaultExperiment('nb201', 'mnist');

describe('link views', () => {
  it('lists a refused link’s problems', () => {
    const r = decodeLink('#x=garbage');
    expect(r.ok).toBe(false);
    const html = renderToStaticMarkup(
      createElement(LinkProblems, { problems: r.ok ? [] : r.problems }),
    );
    expect(html).toContain('data-testid="link-problems"');
    expect(html).toContain('the experiment you had is kept');
    expect(html).toContain('no readable format number');
  });

  it('renders repairs naming hostile keys as text, never as markup', () => {
    const r = decodeLink(encodeLink({ spec: { ...nb201, name: hostile.repeat(20) } }));
    const repairs = r.ok ? [...r.repairs, hostile] : [];
    const html = renderToStaticMarkup(createElement(RepairList, { repairs, onDismiss: () => {} }));
    expect(html).toContain('data-testid="link-notice"');
    expect(html).toContain('shortened to 120');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('shows a carried run as a card: cell diagrams beside the headline figures, a readable date', () => {
    const summary: RunSummary = {
      genotype: {
        normal: {
          edges: nb201.space.normal.edges.map((e) => ({
            from: e.from,
            to: e.to,
            op: e.ops[3] ?? 'none',
          })),
          concat: [...nb201.space.normal.nodes],
        },
        reduce: null,
      },
      validAcc: 0.812,
      testAcc: 0.79,
      strategy: 'darts',
      steps: 40,
      finishedAt: '2026-12-07T14:05:00.000Z',
    };
    const html = renderToStaticMarkup(createElement(SharedResultCard, { summary, spec: nb201 }));
    expect(html).toContain('data-testid="link-summary"');
    expect(html).toContain('data-testid="link-summary-cells"');
    expect(html).toContain('This link carries a finished run: <code>|nor_conv_3x3~0|');
    expect(html).toContain('81.2%');
    expect(html).toContain('79.0%');
    expect(html).toContain('finished ');
    expect(html).not.toContain('2026-12-07T14:05');
    const figures = Object.fromEntries(headlines(summary, nb201).map((h) => [h.label, h.value]));
    expect(figures['Validation accuracy']).toBe('81.2%');
    expect(figures['Test accuracy']).toBe('79.0%');
    expect(figures.Params).toMatch(/^[\d.]+k?$/);
    expect(figures.FLOPs).toMatch(/^[\d.]+[kMG]?$/);
    expect(figures.Dataset).toContain('MNIST');
  });

  it("writes a finish time as a day and a time in the reader's locale", () => {
    const iso = '2026-12-07T14:05:00.000Z';
    const local = new Date(iso);
    const text = readableDate(iso, 'en-GB') ?? '';
    expect(text).toContain('December 2026');
    expect(text).toContain(String(local.getDate()));
    expect(text).toContain(`${String(local.getMinutes()).padStart(2, '0')}`);
    expect(readableDate(iso, 'de-DE')).toContain('Dezember 2026');
    expect(readableDate('not a time')).toBeNull();
    expect(readableDate(null)).toBeNull();
  });

  it('offers Copy link with the result choice', () => {
    const html = renderToStaticMarkup(createElement(CopyLink));
    expect(html).toContain('data-testid="copy-link"');
    expect(html).toContain('include the result');
  });

  it('says Copy link copies an experiment with problems as it is', () => {
    expect(renderToStaticMarkup(createElement(CopyLink))).not.toContain('copy-link-note');
    expect(copyNote(nb201)).toBeNull();
    const invalid = { ...nb201, strategy: { ...nb201.strategy, epochs: Number.NaN } };
    expect(copyNote(invalid)).toBe(
      'copies the experiment as it is: whoever opens it sees the same problems',
    );
  });

  it('says what is shown instead of a refused link', () => {
    const render = (fallback: 'kept' | 'restored' | 'default') =>
      renderToStaticMarkup(createElement(LinkProblems, { problems: ['Damaged.'], fallback }));
    expect(render('kept')).toContain('the experiment you had is kept');
    expect(render('restored')).toContain('the experiment you had before is restored');
    expect(render('default')).toContain('the default experiment is shown');
  });
});
