import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeFunction, fakeMapping } from '../../../testing/fake-lambda.ts';
import { renderApp } from '../../../testing/render-app.tsx';

// Whole-app renders are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const UUID = '00000000-0000-4000-8000-000000000007';
const MQ_BROKER = 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-8ac7cc01-5898-482d-be2f';

/** The mapping page of mapping 7, with `functions` as the region's functions. */
function renderMapping(
  overrides: Partial<EventSourceMappingConfiguration>,
  setup: (lambda: FakeLambda) => void = (lambda) => {
    lambda.functions = [fakeFunction(7)];
  },
  options: Parameters<typeof renderApp>[2] = {},
) {
  const lambda = new FakeLambda([fakeMapping(7, overrides)]);
  setup(lambda);
  return { lambda, ...renderApp(`/mappings/${UUID}`, lambda, options) };
}

/** The Cloudscape alert with this header (its root element: header, content and action). */
async function alertWithHeader(header: string) {
  await screen.findByText(header);
  const alert = createWrapper()
    .findAllAlerts()
    .find((a) => a.findHeader()?.getElement().textContent === header);
  if (!alert) throw new Error(`no alert with header “${header}”`);
  return alert.findRootElement().getElement();
}

/** Waits until the page has asked Lambda which functions exist. */
async function inventoryAsked(lambda: FakeLambda) {
  await waitFor(() => expect(lambda.inputsOf('ListFunctionsCommand').length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('mapping health alert', { timeout: 30_000 }, () => {
  it('orphaned: the function no longer exists; Edit mapping leads to the edit page', async () => {
    const { router } = renderMapping({}, (lambda) => {
      lambda.functions = [fakeFunction(1)];
    });
    const alert = await alertWithHeader('The function of this mapping no longer exists');
    expect(within(alert).getByText('Orphaned: function fn-7 no longer exists')).toBeTruthy();
    expect(
      within(alert).getByText('Re-point the mapping to an existing function, or delete it.'),
    ).toBeTruthy();
    // One Delete on the page: the alert points to it.
    expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
    // Enabled, the button is a link to the edit page.
    fireEvent.click(within(alert).getByRole('link', { name: 'Edit mapping' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${UUID}/edit`));
  });

  it('orphaned: the alias in FunctionArn no longer exists', async () => {
    renderMapping(
      { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn-7:live' },
      (lambda) => {
        lambda.functions = [fakeFunction(7)];
        lambda.versions = { 'fn-7': ['1', '2'] };
        lambda.aliases = { 'fn-7': { prod: '2' } };
      },
    );
    const alert = await alertWithHeader(
      'The function version or alias of this mapping no longer exists',
    );
    expect(
      within(alert).getByText('Orphaned: function fn-7 has no version or alias live'),
    ).toBeTruthy();
  });

  it('disabled by Lambda (EVENT_SOURCE_AUTHN_ERROR): says so and what to do, without Edit', async () => {
    renderMapping({
      EventSourceArn: MQ_BROKER,
      Queues: ['orders'],
      State: 'Disabled',
      StateTransitionReason: 'EVENT_SOURCE_AUTHN_ERROR',
      LastProcessingResult: 'PROBLEM: SASL authentication failed.',
    });
    const alert = await alertWithHeader('Lambda disabled this mapping');
    expect(
      within(alert).getByText(
        'Disabled by Lambda: Lambda could not authenticate with the event source',
      ),
    ).toBeTruthy();
    expect(
      within(alert).getByText(/Secrets Manager secret .*then enable the mapping\./),
    ).toBeTruthy();
    expect(
      within(alert).getByText('LastProcessingResult: PROBLEM: SASL authentication failed.'),
    ).toBeTruthy();
    expect(within(alert).queryByRole('link', { name: 'Edit mapping' })).toBeNull();
    expect(within(alert).queryByRole('button', { name: 'Edit mapping' })).toBeNull();
  });

  it('disabled by Lambda (ESM_CONFIG_NOT_VALID) offers Edit mapping', async () => {
    renderMapping({
      EventSourceArn: MQ_BROKER,
      Queues: ['orders'],
      State: 'Disabled',
      StateTransitionReason: 'ESM_CONFIG_NOT_VALID',
    });
    const alert = await alertWithHeader('Lambda disabled this mapping');
    expect(
      within(alert).getByText('Disabled by Lambda: the mapping configuration is not valid'),
    ).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Edit mapping' }).getAttribute('href')).toBe(
      `/mappings/${UUID}/edit`,
    );
  });

  it('stuck: a transition older than 30 minutes', async () => {
    renderMapping({
      State: 'Updating',
      LastModified: new Date(Date.now() - 2 * 3600_000 - 60_000),
    });
    const alert = await alertWithHeader('This mapping seems stuck');
    expect(within(alert).getByText('Stuck: Updating for 2 h 1 min')).toBeTruthy();
    expect(
      within(alert).getByText(/if the mapping stays Updating, contact AWS Support/),
    ).toBeTruthy();
  });

  it('problem: the cause and what to do', async () => {
    renderMapping({
      EventSourceArn:
        'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd1234-ab12-cd34-ef56-abcdef123456-2',
      Topics: ['orders'],
      LastProcessingResult: 'PROBLEM: Cluster failed to authorize Lambda.',
    });
    const alert = await alertWithHeader('The last processing attempt reported a problem');
    expect(
      within(alert).getByText(
        'Problem (authentication or permissions): Cluster failed to authorize Lambda.',
      ),
    ).toBeTruthy();
    expect(within(alert).getByText(/execution role for the event source/)).toBeTruthy();
  });

  it('nothing for a healthy mapping whose function exists', async () => {
    const { lambda } = renderMapping({ LastProcessingResult: 'OK' });
    await screen.findByRole('heading', { name: 'Source', level: 2 });
    await inventoryAsked(lambda);
    for (const header of [
      'The function of this mapping no longer exists',
      'Lambda disabled this mapping',
      'This mapping seems stuck',
      'The last processing attempt reported a problem',
    ]) {
      expect(screen.queryByText(header)).toBeNull();
    }
  });

  it('a read-only guest sees Edit mapping disabled with the reason', async () => {
    renderMapping(
      {},
      (lambda) => {
        lambda.functions = [];
      },
      { guestAccess: 'read-only' },
    );
    const alert = await alertWithHeader('The function of this mapping no longer exists');
    const edit = within(alert).getByRole('button', { name: 'Edit mapping' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    const description = (edit.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(description).toContain('Sign in to make changes.');
  });
});
