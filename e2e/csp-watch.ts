/** Watching a page for Content-Security-Policy refusals, for the specs that check the policy. */
import type { Page } from '@playwright/test';

/** Collects every Content-Security-Policy refusal the page or one of its workers reports. */
export function watchViolations(page: Page): string[] {
  const refused: string[] = [];
  const note = (text: string): void => {
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) refused.push(text);
  };
  page.on('console', (m) => note(m.text()));
  page.on('pageerror', (e) => note(e.message));
  page.on('worker', (w) => w.on('console', (m) => note(m.text())));
  return refused;
}

/** Records every `securitypolicyviolation` the page's documents see, from before their first script. */
export async function listenForViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}

/** The violations the listener recorded. */
export async function recordedViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

