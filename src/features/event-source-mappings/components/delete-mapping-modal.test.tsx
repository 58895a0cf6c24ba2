import { ResourceInUseException } from '@aws-sdk/client-lambda';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeMapping } from '../../../testing/fake-lambda.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { losesStreamPosition } from './delete-mapping-modal.tsx';

configure({ asyncUtilTimeout: 5000 });

const UUID = '00000000-0000-4000-8000-000000000004';
const KINESIS = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks';

async function openModal() {
  fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
  return screen.findByRole('dialog');
}

describe('losesStreamPosition', () => {
  it('is true for stream sources and false for queues', () => {
    expect(losesStreamPosition({ EventSourceArn: KINESIS })).toBe(true);
    expect(
      losesStreamPosition({
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b:9092'] } },
      }),
    ).toBe(true);
    expect(losesStreamPosition({ EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' })).toBe(
      false,
    );
    expect(
      losesStreamPosition({
        EventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1',
      }),
    ).toBe(false);
  });
});

describe('delete a mapping from its page', { timeout: 30_000 }, () => {
  it('needs the typed confirmation for a stream source, then follows Deleting to deleted', async () => {
    const lambda = new FakeLambda([fakeMapping(4, { EventSourceArn: KINESIS })]);
    renderApp(`/mappings/${UUID}`, lambda);
    const dialog = await openModal();
    expect(within(dialog).getByText(`Delete mapping ${UUID}?`)).toBeTruthy();
    expect(within(dialog).getByText('The read position is lost')).toBeTruthy();
    // It opens with the focus in the confirmation input.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('textbox')));
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toEqual([]);

    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'confirm' } });
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toEqual([{ UUID }]),
    );
    expect(await screen.findByText(`Delete requested for mapping ${UUID}`)).toBeTruthy();
    // The detail polls while Deleting; Lambda then no longer knows the mapping.
    expect(
      await screen.findByText('This mapping has been deleted', {}, { timeout: 4000 }),
    ).toBeTruthy();
    // The in-progress flash gives way to the outcome.
    expect(await screen.findByText(`Mapping ${UUID} deleted`)).toBeTruthy();
    expect(screen.queryByText(`Delete requested for mapping ${UUID}`)).toBeNull();
  });

  it('asks no typed confirmation for a queue, and shows a refusal in the modal', async () => {
    const lambda = new FakeLambda([fakeMapping(4)]);
    renderApp(`/mappings/${UUID}`, lambda);
    const dialog = await openModal();
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    lambda.failNext(
      new ResourceInUseException({
        message: 'Cannot delete the event source mapping because it is in use.',
        $metadata: { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 },
      }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Lambda did not delete the mapping')).toBeTruthy();
    expect(within(dialog).getByText(/Wait until its state settles/)).toBeTruthy();
    expect(lambda.mappings).toHaveLength(1);
  });

  it('is unavailable, with the reason, while the mapping is transitional', async () => {
    renderApp(`/mappings/${UUID}`, new FakeLambda([fakeMapping(4, { State: 'Updating' })]));
    const button = await screen.findByRole('button', { name: 'Delete' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
  });
});
