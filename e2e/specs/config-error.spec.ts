import { expect, test } from '../fixtures.ts';

test('a bad config.json shows what is wrong instead of a blank page', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ region: 'nowhere', lambdaEndpoint: 'localhost:4599' }),
    }),
  );
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'The console is not configured correctly' }),
  ).toBeVisible();
  await expect(
    page.getByText('region: must be an AWS region code such as us-east-1'),
  ).toBeVisible();
  await expect(page.getByText(/^identityPoolId: /)).toBeVisible();
  await expect(page.getByText(/^lambdaEndpoint: must be an absolute http/)).toBeVisible();
});

test('a config.json that cannot be downloaded says so, not "not configured"; Retry starts the console', async ({
  page,
  mappingsPage,
}) => {
  await page.route('**/config.json', (route) => route.abort('internetdisconnected'));
  await mappingsPage.goto();
  await expect(page.getByRole('heading', { name: 'The console could not start' })).toBeVisible();
  await expect(page.getByText('/config.json could not be downloaded')).toBeVisible();
  await expect(page.getByText('The console is not configured correctly')).toHaveCount(0);
  await page.unroute('**/config.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await mappingsPage.expectLoaded();
});
