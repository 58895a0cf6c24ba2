import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMapping } from '../../../../testing/fake-lambda.ts';
import { CodeExportModal, type ExportedMapping } from './code-export-modal.tsx';

configure({ asyncUtilTimeout: 10_000 });

const OPENED_AT = new Date(Date.UTC(2026, 4, 4, 10, 11, 12, 345));

/** Opens the panel at {@link OPENED_AT} (no EventSourceMappingArn: no ListTags call). */
function openPanel(mappings: readonly ExportedMapping[]) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(OPENED_AT);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CodeExportModal mappings={mappings} onDismiss={() => undefined} />
    </QueryClientProvider>,
  );
}

/** The file names the browser was asked to save (each `<a download>` clicked). */
function savedFileNames(): string[] {
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:code');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  return names;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the as-code panel’s downloads', { timeout: 30_000 }, () => {
  it('are named by region, format and the UTC time the panel was opened', async () => {
    const saved = savedFileNames();
    openPanel([{ mapping: fakeMapping(1), region: 'us-east-1' }]);
    const name = 'event-source-mappings-us-east-1-cli-20260504-101112Z.sh';
    fireEvent.click(await screen.findByRole('button', { name: `Download ${name}` }));
    expect(saved).toEqual([name]);

    fireEvent.click(screen.getByRole('tab', { name: 'Terraform' }));
    const tf = 'event-source-mappings-us-east-1-terraform-20260504-101112Z.tf';
    fireEvent.click(await screen.findByRole('button', { name: `Download ${tf}` }));
    expect(saved).toEqual([name, tf]);
  });

  it('a selection of two regions says multiple-regions; the CLI input JSON command names the file', async () => {
    const saved = savedFileNames();
    openPanel([
      { mapping: fakeMapping(1), region: 'us-east-1' },
      {
        mapping: fakeMapping(2, {
          FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn-2',
          EventSourceArn: 'arn:aws:sqs:eu-west-1:123456789012:queue-2',
        }),
        region: 'eu-west-1',
      },
    ]);
    fireEvent.click(await screen.findByRole('tab', { name: 'CLI input JSON' }));
    const name = 'event-source-mappings-multiple-regions-cli-input-json-20260504-101112Z.json';
    fireEvent.click(await screen.findByRole('button', { name: `Download ${name}` }));
    expect(saved).toEqual([name]);
    expect(
      screen.getByText(`Create them all with: jq -c '.[]' ${name} |`, { exact: false }),
    ).toBeTruthy();
  });
});
