import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { getLambdaRegion } from '../../../api/lambda-client.ts';
import { downloadText } from '../../../lib/download.ts';
import { exportFileName, regionsScope } from '../export-file-name.ts';
import { toMappingsJson } from '../list/export-view.ts';
import { regionOfMapping } from './bulk-operation.ts';

/**
 * File name of the JSON kept before a bulk delete (`toMappingsJson`, the shape of a
 * `ListEventSourceMappings` response), by the console's one scheme (`exportFileName`):
 * `event-source-mappings-<region>-before-delete-<UTC time>.json` (`multiple-regions` when the
 * mappings come from several regions), e.g.
 * `event-source-mappings-us-east-1-before-delete-20260504-101112Z.json`.
 * @param mappings the mappings.
 * @param now the time to name the file by (default: now).
 */
export function mappingsJsonFileName(
  mappings: readonly EventSourceMappingConfiguration[],
  now: Date = new Date(),
): string {
  const scope = regionsScope(
    mappings.map((m) => regionOfMapping(m)),
    getLambdaRegion(),
  );
  return exportFileName({ scope, what: 'before-delete', ext: 'json', now });
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
