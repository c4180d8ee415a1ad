import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const CHROMIUM = process.env.KLYNGE_CHROMIUM ?? '/usr/bin/chromium';
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export type Browsing = {
  baseUrl: string;
  /** A new page in a fresh context; Norwegian unless told otherwise. */
  page(options?: BrowserContextOptions): Promise<Page>;
};

/** One headless Chromium per spec file, closed afterwards. */
export function setupBrowser(): Browsing {
  let browser: Browser | undefined;
  const contexts: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return {
    baseUrl: inject('baseUrl'),
    async page(options = {}) {
      const context = await browser!.newContext({ locale: 'nb-NO', baseURL: inject('baseUrl'), ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      Object.assign(page, { klyngeErrors: errors });
      return page;
    },
  };
}

/** Errors the page logged or threw; a journey should end with none. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { klyngeErrors: string[] }).klyngeErrors;
}

/** Waits until the browser app has taken over the server-rendered page. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/** Signs in through the sign-in page and waits until the app has taken over the page it leads to. */
export async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`**${next}`);
  await waitForHydration(page);
}

/** Waits for a client-side navigation to finish. */
export async function waitForNavigation(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.loading === undefined);
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so a Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
