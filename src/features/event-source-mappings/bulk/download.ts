import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { downloadText } from '../../../lib/download.ts';
import { regionOfMapping } from './bulk-operation.ts';

/**
 * The JSON kept before a bulk delete: `{ "EventSourceMappings": [...] }`, the shape of a
 * `ListEventSourceMappings` response, holding the full `EventSourceMappingConfiguration` objects
 * exactly as last read (dates as ISO 8601 strings), indented by two spaces.
 * @param mappings the mappings about to be deleted.
 */
export function mappingsJson(mappings: readonly EventSourceMappingConfiguration[]): string {
  return `${JSON.stringify({ EventSourceMappings: mappings }, null, 2)}\n`;
}

/**
 * File name of that JSON: `mappings-<region>-<UTC time>.json` (`mappings-multiple-regions-…`
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
 * Offers {@link mappingsJson} as a download named by {@link mappingsJsonFileName}.
 * @param mappings the mappings.
 * @returns the file name offered.
 */
export function downloadMappingsJson(mappings: readonly EventSourceMappingConfiguration[]): string {
  const fileName = mappingsJsonFileName(mappings);
  downloadText(fileName, mappingsJson(mappings), 'application/json');
  return fileName;
}
