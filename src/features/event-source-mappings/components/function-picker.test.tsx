import { LambdaServiceException } from '@aws-sdk/client-lambda';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { setLambdaClient } from '../../../api/lambda-client.ts';
import { createQueryClient } from '../../../lib/query-client.ts';
import { FakeLambda, fakeFunction } from '../../../testing/fake-lambda.ts';
import { FunctionPicker } from './function-picker.tsx';

const ORDERS_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

/** Two functions, `orders` with versions 1–3 and aliases `live` (→ 3) and `beta` (→ 2). */
function ordersLambda() {
  const lambda = new FakeLambda();
  lambda.functions = [
    fakeFunction(0),
    fakeFunction(1, { FunctionName: 'orders', FunctionArn: ORDERS_ARN }),
    fakeFunction(2, { FunctionName: 'orders-archive', FunctionArn: `${ORDERS_ARN}-archive` }),
  ];
  lambda.versions = { orders: ['1', '2', '3'] };
  lambda.aliases = { orders: { live: '3', beta: '2' } };
  lambda.aliasDescriptions = { orders: { live: 'Production traffic' } };
  return lambda;
}

/** The picker in a FormField labelled FunctionName, then another field, as in the mapping form. */
function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  const [next, setNext] = useState('');
  return (
    <>
      <FormField label="FunctionName">
        <FunctionPicker value={value} onChange={setValue} />
      </FormField>
      <FormField label="Next field">
        <Input value={next} onChange={({ detail }) => setNext(detail.value)} />
      </FormField>
    </>
  );
}

function renderPicker(lambda: FakeLambda, initial = '') {
  setLambdaClient(lambda);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Harness initial={initial} />
    </QueryClientProvider>,
  );
  return screen.getByRole('combobox', { name: 'FunctionName' }) as HTMLInputElement;
}

function typeText(input: HTMLElement, value: string) {
  input.focus();
  fireEvent.change(input, { target: { value } });
}

/** The values of the options in the dropdown, in order (the "Use:" entry has none). */
const shownValues = () =>
  Array.from(
    screen.getByRole('listbox').querySelectorAll('[role="option"] [data-value]'),
    (option) => option.getAttribute('data-value'),
  );

/** The option whose value is `value`. */
const optionOf = (value: string): HTMLElement => {
  const option = screen
    .getByRole('listbox')
    .querySelector(`[data-value="${value}"]`)
    ?.closest<HTMLElement>('[role="option"]');
  if (!option) throw new Error(`no option ${value}`);
  return option;
};

/** The element Tab moves to from `from`: the next one in document order that Tab can reach. */
function nextInTabOrder(from: HTMLElement): HTMLElement | undefined {
  const tabbable = Array.from(
    document.querySelectorAll<HTMLElement>('input, button, select, textarea, a[href], [tabindex]'),
  ).filter((el) => el.tabIndex >= 0 && !el.hasAttribute('disabled'));
  return tabbable[tabbable.indexOf(from) + 1];
}

// Cloudscape in happy-dom is slow on a shared 2-core machine.
describe('FunctionPicker', { timeout: 30_000 }, () => {
  it('offers the aliases and published versions of a typed function right under it', async () => {
    const lambda = ordersLambda();
    const input = renderPicker(lambda);
    typeText(input, 'orders');
    await screen.findByText(
      'All 3 functions of this region are listed, with 2 aliases and 3 published versions of orders',
    );
    expect(shownValues()).toEqual([
      'orders',
      'orders:beta',
      'orders:live',
      'orders:3',
      'orders:2',
      'orders:1',
      'orders-archive',
    ]);
    expect(screen.getAllByRole('option')[0]?.textContent).toBe('Use: "orders"');
    expect(screen.getByText('Aliases of orders')).toBeTruthy();
    expect(screen.getByText('Published versions of orders')).toBeTruthy();
    // The alias's version and description are its details; $LATEST is the unqualified entry.
    const live = optionOf('orders:live');
    expect(within(live).getByText('Version 3')).toBeTruthy();
    expect(within(live).getByText('Production traffic')).toBeTruthy();
    expect(within(optionOf('orders:beta')).getByText('Version 2')).toBeTruthy();
    expect(shownValues()).not.toContain('orders:$LATEST');
    // Only for that function, one request each.
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([
      { FunctionName: 'orders', MaxItems: 50 },
    ]);
    expect(lambda.inputsOf('ListAliasesCommand')).toEqual([
      { FunctionName: 'orders', MaxItems: 50 },
    ]);

    // Typing a qualifier narrows the list to it.
    typeText(input, 'orders:li');
    await waitFor(() => expect(shownValues()).toEqual(['orders:live']));
    expect(screen.getAllByRole('option')[0]?.textContent).toBe('Use: "orders:li"');
  });

  it('picks an alias as name:alias', async () => {
    const input = renderPicker(ordersLambda());
    typeText(input, 'orders');
    await screen.findByText('Aliases of orders');
    // Cloudscape picks on mouse up (the mouse down keeps the focus in the input).
    fireEvent.mouseUp(within(optionOf('orders:live')).getByText('Version 3'));
    await waitFor(() => expect(input.value).toBe('orders:live'));
  });

  it('recognises the function in a full or partial ARN, with or without a qualifier', async () => {
    const lambda = ordersLambda();
    const input = renderPicker(lambda);
    typeText(input, `${ORDERS_ARN}:`);
    await screen.findByText('Aliases of orders');
    expect(shownValues()).toEqual([
      'orders:beta',
      'orders:live',
      'orders:3',
      'orders:2',
      'orders:1',
    ]);
    typeText(input, '123456789012:function:orders:be');
    await waitFor(() => expect(shownValues()).toEqual(['orders:beta']));
    // Cached: the same function asks Lambda once.
    expect(lambda.inputsOf('ListAliasesCommand')).toHaveLength(1);
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toHaveLength(1);
  });

  it('looks nothing up for text that names no listed function, and keeps it as typed', async () => {
    const lambda = ordersLambda();
    const input = renderPicker(lambda);
    for (const text of [
      'orde',
      'missing-fn:live',
      // Another account's function of the same name is not the listed one.
      'arn:aws:lambda:us-east-1:210987654321:function:orders:live',
    ]) {
      typeText(input, text);
      await screen.findByText('All 3 functions of this region are listed');
      expect(screen.getAllByRole('option')[0]?.textContent).toBe(`Use: "${text}"`);
      expect(input.value).toBe(text);
    }
    expect(screen.queryByText('Aliases of orders')).toBeNull();
    expect(lambda.inputsOf('ListAliasesCommand')).toEqual([]);
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([]);
  });

  it('shows a failed lookup in the dropdown, and Retry loads it', async () => {
    const lambda = ordersLambda();
    const input = renderPicker(lambda);
    typeText(input, 'orde');
    await screen.findByText('All 3 functions of this region are listed');
    lambda.failNext(
      new LambdaServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        message: 'not authorized to perform: lambda:ListAliases',
        $metadata: { httpStatusCode: 403 },
      }),
      2,
    );
    typeText(input, 'orders');
    await screen.findByText('Could not list aliases and versions of orders: AccessDeniedException');
    expect(input.value).toBe('orders');
    expect(shownValues()).toEqual(['orders', 'orders-archive']);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(
      'All 3 functions of this region are listed, with 2 aliases and 3 published versions of orders',
    );
    expect(shownValues()).toContain('orders:live');
  });

  it('names the input and the clear button', async () => {
    const input = renderPicker(ordersLambda(), 'orders');
    expect(input.getAttribute('aria-label')).toBe('FunctionName');
    expect(screen.getByRole('button', { name: 'Clear function name' })).toBeTruthy();
    // Clicking it still clears.
    fireEvent.click(screen.getByRole('button', { name: 'Clear function name' }));
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('clears by keyboard with Escape once the list is closed', async () => {
    const input = renderPicker(ordersLambda(), 'orders');
    input.focus();
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(input, { key: 'Escape', keyCode: 27 });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('orders');
    fireEvent.keyDown(input, { key: 'Escape', keyCode: 27 });
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('keeps the chosen function when the user presses Tab then Enter', async () => {
    const input = renderPicker(ordersLambda());
    typeText(input, 'ord');
    await screen.findByText('All 3 functions of this region are listed');
    // ArrowDown past "Use: "ord"" to orders, Enter picks it.
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(input.value).toBe('orders'));

    // Tab: focus goes to the next element in Tab order; Enter activates it (a button's click).
    fireEvent.keyDown(input, { key: 'Tab', keyCode: 9 });
    const next = nextInTabOrder(input);
    next?.focus();
    fireEvent.keyDown(next ?? document.body, { key: 'Enter', keyCode: 13 });
    if (next instanceof HTMLButtonElement) fireEvent.click(next);

    expect(input.value).toBe('orders');
    expect(next).toBe(screen.getByRole('textbox', { name: 'Next field' }));
  });
});
