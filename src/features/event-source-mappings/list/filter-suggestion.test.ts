import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { describe, expect, it } from 'vitest';
import { suggestPropertyToken } from './filter-suggestion.ts';

const freeText = (value: string): PropertyFilterProps.Token => ({ operator: ':', value });
const query = (...tokens: PropertyFilterProps.Token[]): PropertyFilterProps.Query => ({
  operation: 'and',
  tokens,
});
const OPTIONS: PropertyFilterProps.FilteringOption[] = [
  { propertyKey: 'State', value: 'Disabled' },
  { propertyKey: 'State', value: 'Enabled' },
  { propertyKey: 'Health', value: 'disabled-by-lambda', label: 'Disabled by Lambda' },
];

describe('suggestPropertyToken', () => {
  it('reads a column header as its property: Function = orders → FunctionName = orders', () => {
    const suggestion = suggestPropertyToken(query(freeText('Function = orders-fn')), OPTIONS);
    expect(suggestion?.token).toEqual({
      propertyKey: 'FunctionName',
      operator: '=',
      value: 'orders-fn',
    });
    expect(suggestion?.typed).toBe('Function = orders-fn');
    expect(suggestPropertyToken(query(freeText('Event source ^ orders')), OPTIONS)?.token).toEqual({
      propertyKey: 'SourceName',
      operator: '^',
      value: 'orders',
    });
  });

  it('corrects a misspelt name within 2 edits, and an option value’s case', () => {
    expect(suggestPropertyToken(query(freeText('Stat = disabled')), OPTIONS)?.token).toEqual({
      propertyKey: 'State',
      operator: '=',
      value: 'Disabled',
    });
    expect(suggestPropertyToken(query(freeText('BatchSise >= 100')), OPTIONS)?.token).toEqual({
      propertyKey: 'BatchSize',
      operator: '>=',
      value: '100',
    });
    expect(
      suggestPropertyToken(query(freeText('health = disabled by lambda')), OPTIONS)?.token,
    ).toEqual({ propertyKey: 'Health', operator: '=', value: 'disabled-by-lambda' });
  });

  it('replaces only that token, keeping the others and the operation', () => {
    const state: PropertyFilterProps.Token = {
      propertyKey: 'State',
      operator: '=',
      value: 'Enabled',
    };
    const suggestion = suggestPropertyToken(
      { operation: 'or', tokens: [state, freeText('Function : orders')] },
      OPTIONS,
    );
    expect(suggestion?.index).toBe(1);
    expect(suggestion?.query).toEqual({
      operation: 'or',
      tokens: [state, { propertyKey: 'FunctionName', operator: ':', value: 'orders' }],
    });
  });

  it('suggests nothing for plain free text, unknown names, operators a property does not take, or real tokens', () => {
    for (const text of ['orders', 'orders-fn-prod', 'Colour = red', 'State > 3', 'ab = c', '= x']) {
      expect(suggestPropertyToken(query(freeText(text)), OPTIONS), text).toBeUndefined();
    }
    expect(
      suggestPropertyToken(
        query({ propertyKey: 'State', operator: '=', value: 'Disabled' }),
        OPTIONS,
      ),
    ).toBeUndefined();
  });
});

describe('suggestPropertyToken on values', () => {
  const token = (propertyKey: string, operator: string, value: string) => ({
    propertyKey,
    operator,
    value,
  });
  it('offers the loaded value a closed-set value no mapping has likely means', () => {
    const options: PropertyFilterProps.FilteringOption[] = [
      ...OPTIONS,
      { propertyKey: 'Health', value: 'orphaned', label: 'Orphaned' },
      { propertyKey: 'State', value: 'Deleting' },
    ];
    const suggest = (t: PropertyFilterProps.Token) => suggestPropertyToken(query(t), options);
    expect(suggest(token('State', '=', 'Disabld'))).toMatchObject({
      kind: 'value',
      typed: 'State = Disabld',
      token: { propertyKey: 'State', operator: '=', value: 'Disabled' },
    });
    // Two letters swapped count as one edit, as a typist counts them.
    expect(suggest(token('State', '=', 'Disabeld'))?.token.value).toBe('Disabled');
    expect(suggest(token('State', '=', 'Enalbed'))?.token.value).toBe('Enabled');
    expect(suggest(token('Health', '!=', 'orphan'))?.token.value).toBe('orphaned');
    expect(suggest(token('Health', '=', 'Disabled by Lambda'))?.token.value).toBe(
      'disabled-by-lambda',
    );
    // A value some mapping has, one no loaded value is near (Creating is 2 edits from Deleting),
    // a prefix two values share, and a text property's value are left alone.
    expect(suggest(token('State', '=', 'Disabled'))).toBeUndefined();
    expect(suggest(token('State', '=', 'Creating'))).toBeUndefined();
    expect(suggest(token('State', '=', 'D'))).toBeUndefined();
    expect(suggest(token('FunctionName', '=', 'Disabld'))).toBeUndefined();
  });
});
