/**
 * What the form keeps when the user switches the source type (a tile, or a pasted ARN that names
 * another kind of source): a pure function of the current values, so it is tested on its own.
 */
import { defaultFormValues, type MappingFormValues } from './mapping-form-schema';
import { MEMBER_LEAVES, getPath, leafApplies, setPath } from './request-members';
import { SOURCE_LIMITS, type SourceType } from './source-limits';

/**
 * The form values after switching to `next`. Everything typed stays: fields that do not apply to
 * `next` are hidden and never sent (the schema ignores them), so switching back restores them.
 * Only what would be wrong for `next` changes:
 * - SourceAccessConfigurations: when `next` takes entries, rows of types it does not accept are
 *   dropped and the BASIC_AUTH row MQ and DocumentDB require is added if missing; when `next` takes
 *   none (Kinesis, DynamoDB, SQS) the rows stay as they are, hidden, so an ActiveMQ secret survives
 *   a detour through SQS;
 * - a registry enum list that `next` takes with fewer options (MetricsConfig.Metrics: Kafka's
 *   ErrorCount and KafkaMetrics on SQS) keeps only the options `next` offers, since the others
 *   would have no checkbox to untick;
 * - StartingPosition (and its timestamp) is cleared when `next` has starting positions but not the
 *   chosen one (DynamoDB has no AT_TIMESTAMP); a source without any (SQS, MQ) keeps it hidden.
 * @param values the current form values (not modified; `sourceType` may still be unchosen).
 * @param next the source type to switch to.
 * @returns new values with `sourceType: next`.
 */
export function switchSourceType(
  values: Omit<MappingFormValues, 'sourceType'>,
  next: SourceType,
): MappingFormValues {
  const limits = SOURCE_LIMITS[next];
  const rule = limits.SourceAccessConfigurations;
  let rows = values.SourceAccessConfigurations;
  if (rule) {
    rows = rows.filter(
      (row) => row.Type === '' || (rule.allowed as readonly string[]).includes(row.Type),
    );
    if (rule.exactlyOne && !rows.some((row) => row.Type === rule.exactlyOne)) {
      rows = [...defaultFormValues(next).SourceAccessConfigurations, ...rows];
    }
  }
  const positionRule = limits.StartingPosition;
  const keepPosition =
    !values.StartingPosition ||
    !positionRule ||
    positionRule.options.includes(values.StartingPosition);
  const switched: MappingFormValues = {
    ...values,
    sourceType: next,
    SourceAccessConfigurations: rows,
    ...(keepPosition ? {} : { StartingPosition: '', StartingPositionTimestamp: '' }),
  };
  for (const leaf of MEMBER_LEAVES) {
    if (leaf.kind !== 'enumList' || !leafApplies(leaf, next)) continue;
    const chosen = getPath(values, leaf.path);
    const offered: readonly string[] =
      (leaf.options as Partial<Record<SourceType, readonly string[]>>)[next] ?? [];
    if (Array.isArray(chosen) && chosen.some((value) => !offered.includes(value))) {
      const parent = leaf.path.split('.')[0] as Exclude<keyof MappingFormValues, 'sourceType'>;
      // A copy of the structure, so the input is not modified.
      (switched as unknown as Record<string, unknown>)[parent] = structuredClone(values[parent]);
      setPath(
        switched as unknown as Record<string, unknown>,
        leaf.path,
        chosen.filter((value: string) => offered.includes(value)),
      );
    }
  }
  return switched;
}
