import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { STUCK_AFTER_MS } from '../mapping-health.ts';
import { mappingFilteringOptions, toMappingRows } from './mapping-rows.ts';
import { combineRegionRows, countHealth, filterMappingRows } from './view-rows.ts';

const REGION = 'us-east-1';
const NOW = Date.parse('2026-11-01T12:00:00Z');
const FN = `arn:aws:lambda:${REGION}:123456789012:function:orders`;

function fleet(): EventSourceMappingConfiguration[] {
  return [
    { UUID: 'enabled', FunctionArn: FN, State: 'Enabled', LastProcessingResult: 'OK' },
    {
      UUID: 'disabled',
      FunctionArn: FN,
      State: 'Disabled',
      StateTransitionReason: 'USER_INITIATED',
    },
    {
      UUID: 'enabling',
      FunctionArn: FN,
      State: 'Enabling',
      // Transitional for STUCK_AFTER_MS less one minute at NOW: stuck a minute later.
      LastModified: new Date(NOW - STUCK_AFTER_MS + 60_000),
    },
  ];
}

describe('toMappingRows', () => {
  it('returns the same rows array while nothing the rows depend on changed', () => {
    const mappings = fleet();
    const first = toMappingRows(mappings, REGION, { now: NOW, functionStatus: () => 'exists' });
    const again = toMappingRows(mappings, REGION, { now: NOW, functionStatus: () => 'exists' });
    expect(again).toBe(first);
    expect(countHealth(again)).toBe(countHealth(first));
    expect(mappingFilteringOptions(again)).toBe(mappingFilteringOptions(first));
  });

  it('classifies again when the function is gone: the rows become orphaned', () => {
    const mappings = fleet();
    const before = toMappingRows(mappings, REGION, { now: NOW, functionStatus: () => 'exists' });
    const after = toMappingRows(mappings, REGION, {
      now: NOW,
      functionStatus: () => 'function-missing',
    });
    expect(after).not.toBe(before);
    expect(before.map((r) => r.Health)).toEqual(['healthy', 'disabled-by-user', 'transitional']);
    expect(after.map((r) => r.Health)).toEqual(['orphaned', 'orphaned', 'orphaned']);
  });

  it('classifies a transitional mapping again when the time moves on (it becomes stuck), and keeps the settled rows', () => {
    const mappings = fleet();
    const before = toMappingRows(mappings, REGION, { now: NOW, functionStatus: () => 'exists' });
    const later = toMappingRows(mappings, REGION, {
      now: NOW + 2 * 60_000,
      functionStatus: () => 'exists',
    });
    expect(later.map((r) => r.Health)).toEqual(['healthy', 'disabled-by-user', 'stuck']);
    expect(later[0]).toBe(before[0]);
    expect(later[1]).toBe(before[1]);
    expect(later[2]?.health.summary).toMatch(/^Stuck: Enabling for /);
  });
});

describe('view rows', () => {
  it('filters as the property filter does and keeps the result for the same query', () => {
    const rows = toMappingRows(fleet(), REGION, { now: NOW, functionStatus: () => 'exists' });
    const query = {
      operation: 'and' as const,
      tokens: [{ propertyKey: 'State', operator: '=', value: 'Disabled' }],
    };
    const disabled = filterMappingRows(rows, query);
    expect(disabled.map((r) => r.UUID)).toEqual(['disabled']);
    expect(filterMappingRows(rows, { ...query, tokens: [...query.tokens] })).toBe(disabled);
    expect(
      filterMappingRows(rows, { operation: 'and', tokens: [{ operator: ':', value: 'enab' }] }).map(
        (r) => r.UUID,
      ),
    ).toEqual(['enabled', 'enabling']);
    expect(filterMappingRows(rows, { operation: 'and', tokens: [] })).toBe(rows);
  });

  it('combines regions in order, the same array while each region’s rows are the same', () => {
    const east = toMappingRows(fleet(), REGION, { now: NOW, functionStatus: () => 'exists' });
    const west = toMappingRows(fleet(), 'eu-west-1', { now: NOW, functionStatus: () => 'exists' });
    const both = combineRegionRows([east, west]);
    expect(both.map((r) => r.key)).toEqual([
      ...east.map((r) => `${REGION}/${r.UUID}`),
      ...west.map((r) => `eu-west-1/${r.UUID}`),
    ]);
    expect(combineRegionRows([east, west])).toBe(both);
    expect(combineRegionRows([east])).toBe(east);
  });
});
