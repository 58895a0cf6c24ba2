import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import type { MappingListFilters } from '../queries.ts';

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
 * Server-side filters of the mappings list: function (name, partial ARN or ARN, optionally
 * qualified — `ListEventSourceMappings.FunctionName`) and exact event source ARN
 * (`EventSourceArn`). Typing does not query; Apply (or Enter) does. Remount it (`key`) when the
 * applied filters change from outside so the inputs follow the URL.
 */
export function MappingFilters({ value, onApply, disabled }: MappingFiltersProps) {
  const [functionName, setFunctionName] = useState(value.FunctionName ?? '');
  const [eventSourceArn, setEventSourceArn] = useState(value.EventSourceArn ?? '');
  const active = Boolean(value.FunctionName || value.EventSourceArn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
        <FormField label="Function" description="Name or ARN, optionally with :qualifier">
          <Input
            value={functionName}
            onChange={({ detail }) => setFunctionName(detail.value)}
            placeholder="my-function"
            type="search"
            disabled={disabled}
          />
        </FormField>
        <FormField
          label="Event source ARN"
          description="Exact ARN of the stream, queue, cluster or broker"
        >
          <Input
            value={eventSourceArn}
            onChange={({ detail }) => setEventSourceArn(detail.value)}
            placeholder="arn:aws:sqs:us-east-1:123456789012:my-queue"
            type="search"
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
