/**
 * What the form keeps when the user switches the source type (a tile, or a pasted ARN that names
 * another kind of source): a pure function of the current values, so it is tested on its own.
 */
import { defaultFormValues, type MappingFormValues } from './mapping-form-schema';
import { SOURCE_LIMITS, type SourceType } from './source-limits';

/**
 * The form values after switching to `next`. Everything typed stays: fields that do not apply to
 * `next` are hidden and never sent (the schema ignores them), so switching back restores them.
 * Only what would be wrong for `next` changes:
 * - SourceAccessConfigurations: when `next` takes entries, rows of types it does not accept are
 *   dropped and the BASIC_AUTH row MQ and DocumentDB require is added if missing; when `next` takes
 *   none (Kinesis, DynamoDB, SQS) the rows stay as they are, hidden, so an ActiveMQ secret survives
 *   a detour through SQS;
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
  return {
    ...values,
    sourceType: next,
    SourceAccessConfigurations: rows,
    ...(keepPosition ? {} : { StartingPosition: '', StartingPositionTimestamp: '' }),
  };
}
