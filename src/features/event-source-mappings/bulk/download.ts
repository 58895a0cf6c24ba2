import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { downloadText } from '../../../lib/download.ts';
import { toMappingsJson } from '../list/export-view.ts';
import { regionOfMapping } from './bulk-operation.ts';

/**
 * File name of the JSON kept before a bulk delete (`toMappingsJson`, the shape of a
 * `ListEventSourceMappings` response): `mappings-<region>-<UTC time>.json` (`mappings-multiple-regions-…`
 * when the mappings come from several regions), e.g.
 * `mappings-us-east-1-2026-05-04T10-11-12Z.json`.
 * @param mappings the mappings.
 * @param now the time to name the file by (default: now).
 */
export function mappingsJsonFileName(
  mappings: readonly EventSourceMappingConfiguration[],
  now: Date = new Date(),
): string {
  const regions = new Set(mappings.map((m) => regionOfMapping(m)));
  const region = regions.size === 1 ? [...regions][0]! : 'multiple-regions';
  const time = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `mappings-${region}-${time}.json`;
}

/**
 * Offers the mappings as JSON (`toMappingsJson`) as a download named by {@link mappingsJsonFileName}.
 * @param mappings the mappings.
 * @returns the file name offered.
 */
export function downloadMappingsJson(mappings: readonly EventSourceMappingConfiguration[]): string {
  const fileName = mappingsJsonFileName(mappings);
  downloadText(fileName, toMappingsJson(mappings), 'application/json');
  return fileName;
}
