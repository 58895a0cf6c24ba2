import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import type { MappingListFilters } from '../queries.ts';
import { EVENT_SOURCE_ARN_PATTERN } from '../event-source-arn.ts';

/** Props of {@link MappingFilters}. */
export interface MappingFiltersProps {
  /** Filters currently applied (from the URL). */
  value: MappingListFilters;
  /** Called with the new filters on Apply (empty strings mean "no filter"). */
  onApply: (filters: MappingListFilters) => void;
  /** Disables the controls (e.g. while "Load all" runs). */
  disabled?: boolean;
}

/**
 * Why an Event source ARN filter cannot match, checked before asking Lambda.
 * @param arn the typed filter (trimmed here); empty means "no filter".
 * @returns the message, or undefined when the ARN has the service model's `EventSourceArn` shape
 *   (`EVENT_SOURCE_ARN_PATTERN`, reference §2), which Lambda would otherwise refuse with a
 *   ValidationException.
 */
export function eventSourceArnFilterError(arn: string): string | undefined {
  const value = arn.trim();
  if (value === '' || EVENT_SOURCE_ARN_PATTERN.test(value)) return undefined;
  return 'Enter a full ARN, e.g. arn:aws:sqs:us-east-1:123456789012:my-queue (arn:partition:service:region:account:resource).';
}

/**
 * Server-side filters of the mappings list: function (name, partial ARN or ARN, optionally
 * qualified — `ListEventSourceMappings.FunctionName`) and exact event source ARN
 * (`EventSourceArn`). Typing does not query; Apply (or Enter) does. Remount it (`key`) when the
 * applied filters change from outside so the inputs follow the URL.
 */
export function MappingFilters({ value, onApply, disabled }: MappingFiltersProps) {
  const [functionName, setFunctionName] = useState(value.FunctionName ?? '');
  const [eventSourceArn, setEventSourceArn] = useState(value.EventSourceArn ?? '');
  const [arnError, setArnError] = useState<string>();
  const active = Boolean(value.FunctionName || value.EventSourceArn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const error = eventSourceArnFilterError(eventSourceArn);
    setArnError(error);
    if (error) return;
    onApply({ FunctionName: functionName, EventSourceArn: eventSourceArn });
  };

  return (
    <form onSubmit={submit} role="search" aria-label="Filter mappings">
      <Grid
        gridDefinition={[
          { colspan: { default: 12, s: 4 } },
          { colspan: { default: 12, s: 5 } },
          { colspan: { default: 12, s: 3 } },
        ]}
      >
        <FormField
          label="Function"
          description="Exact function name or ARN (no partial matches); add :qualifier for an alias or version"
        >
          <Input
            value={functionName}
            onChange={({ detail }) => setFunctionName(detail.value)}
            placeholder="my-function"
            type="search"
            clearAriaLabel="Clear the Function filter"
            disabled={disabled}
          />
        </FormField>
        <FormField
          label="Event source ARN"
          description="Exact ARN of the stream, queue, cluster or broker"
          errorText={arnError}
        >
          <Input
            value={eventSourceArn}
            onChange={({ detail }) => {
              setEventSourceArn(detail.value);
              if (arnError) setArnError(eventSourceArnFilterError(detail.value));
            }}
            invalid={arnError !== undefined}
            placeholder="arn:aws:sqs:us-east-1:123456789012:my-queue"
            type="search"
            clearAriaLabel="Clear the Event source ARN filter"
            disabled={disabled}
          />
        </FormField>
        <FormField label={<span aria-hidden="true">&nbsp;</span>}>
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="submit" disabled={disabled}>
              Apply filters
            </Button>
            <Button
              formAction="none"
              disabled={disabled || !active}
              onClick={() => {
                setFunctionName('');
                setEventSourceArn('');
                setArnError(undefined);
                onApply({});
              }}
            >
              Clear filters
            </Button>
          </SpaceBetween>
        </FormField>
      </Grid>
    </form>
  );
}
