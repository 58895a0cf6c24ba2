import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures.ts';

/**
 * Region of a signed Lambda request, from its SigV4 credential scope: in the Authorization
 * header, or in `X-Amz-Credential` for a query-signed GET.
 */
function signedRegion(request: Request): string | undefined {
  const credential =
    new URL(request.url()).searchParams.get('X-Amz-Credential') ??
    /Credential=([^,]+)/.exec(request.headers().authorization ?? '')?.[1] ??
    '';
  return /^[^/]+\/\d{8}\/([a-z0-9-]+)\/lambda\//.exec(credential)?.[1];
}

test.describe('region switching', () => {
  test('switches to eu-west-1: other data, region in the URL, kept on reload and in links', async ({
    page,
    emulator,
    header,
    mappingsPage,
    mappingPage,
  }) => {
    const west = await emulator.stats('eu-west-1');
    expect(west.mappings).toBe(20);
    const regions = new Set<string>();
    page.on('request', (request) => {
      const region = request.url().includes('/2015-03-31/') ? signedRegion(request) : undefined;
      if (region) regions.add(region);
    });

    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await expect(header.regionMenu).toHaveText('us-east-1');
    await mappingsPage.expectAllLoaded();

    await header.switchRegion('eu-west-1');
    await expect(page).toHaveURL('/?region=eu-west-1');
    await expect(header.regionMenu).toHaveText('eu-west-1');
    await expect(mappingsPage.rows).toHaveCount(20);
    await expect(mappingsPage.heading).toContainText('(20)');
    await expect(mappingsPage.rows.first()).toContainText('-eu-prod');
    expect([...regions]).toEqual(['us-east-1', 'eu-west-1']);

    await page.reload();
    await expect(header.regionMenu).toHaveText('eu-west-1');
    await expect(mappingsPage.rows).toHaveCount(20);

    // In-app links keep the region: a eu-west-1 mapping opens (it does not exist in us-east-1).
    const uuid = (await mappingsPage.rows.first().getByRole('link').textContent()) ?? '';
    await mappingsPage.link(uuid).click();
    await expect(mappingPage.heading(uuid)).toBeVisible();
    await expect(page).toHaveURL(`/mappings/${uuid}?region=eu-west-1`);
    await expect(mappingPage.transitionStates).toHaveCount(1);
    await page.getByRole('link', { name: 'Event source mappings', exact: true }).click();
    await expect(page).toHaveURL('/?region=eu-west-1');
    await expect(mappingsPage.rows).toHaveCount(20);

    await header.switchRegion('us-east-1');
    await expect(page).toHaveURL('/?region=us-east-1');
    await expect(mappingsPage.heading).toContainText('(1,600');
    await expect(mappingsPage.rows.first()).not.toContainText('-eu-prod');
  });

  test('an unknown region in the URL falls back to the default region', async ({
    page,
    header,
    mappingsPage,
  }) => {
    await page.goto('/?region=ap-south-1');
    await mappingsPage.expectLoaded();
    await expect(header.regionMenu).toHaveText('us-east-1');
    await expect(page).toHaveURL('/?region=us-east-1');
  });
});
