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
