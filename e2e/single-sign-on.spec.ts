import { describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, setupBrowser, waitForHydration } from './fixtures';

const browsing = setupBrowser();

describe('single sign-on', () => {
  it('signs a cluster manager in through the provider and back to the page they started from', async () => {
    const page = await browsing.page();
    await page.goto('/login?next=/clusters/arctic-cluster-team');
    await waitForHydration(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Logg inn med Testleverandøren' }).click();

    // The provider's own sign-in and consent pages.
    await page.getByPlaceholder('Enter any login').fill('kim');
    await page.getByPlaceholder('and password').fill('whatever the provider asks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${browsing.baseUrl}/clusters/arctic-cluster-team`);
    await waitForHydration(page);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Innlogget som Kim Klyngeleder');
  });

  it('explains in the page why a sign-in this browser did not start is refused', async () => {
    const page = await browsing.page({ locale: 'en-GB' });
    await page.goto('/api/auth/oidc/callback?state=used-before&code=old');
    await page.waitForURL(/\/login\?sso_error=stale/);
    await page
      .getByText('The sign-in had expired, had already been used, or was started in another browser.', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
  });
});
