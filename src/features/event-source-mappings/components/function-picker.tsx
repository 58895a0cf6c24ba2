import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, type Ref } from 'react';
import { toAwsError } from '../../../api/errors.ts';
import { functionQueries } from '../function-queries.ts';

/** Props of {@link FunctionPicker}. */
export interface FunctionPickerProps {
  /** The text in the input: a function name, partial or full ARN, optionally `:qualifier`. */
  value: string;
  /** Called with every change: typed text or a picked function's name. */
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Marks the input invalid (its message is the surrounding FormField's). */
  invalid?: boolean;
  /** Focus target for react-hook-form. */
  inputRef?: Ref<AutosuggestProps.Ref>;
}

/**
 * The function picker: an autosuggest fed by `ListFunctions` (50 per page, more pages loaded as the
 * user scrolls or types), filtered on the client by the typed text. Free text is allowed, so a
 * name, a partial or full ARN, or a name/ARN with `:version` or `:alias` can be entered; the form
 * schema checks it against AWS's FunctionName pattern and length. A failed ListFunctions does not
 * block typing: its error is shown in the dropdown.
 */
export function FunctionPicker({
  value,
  onChange,
  onBlur,
  invalid,
  inputRef,
}: FunctionPickerProps) {
  const query = useInfiniteQuery(functionQueries.list());
  const { data, hasNextPage, isFetchingNextPage, isFetching, isError, error } = query;
  const { fetchNextPage, refetch } = query;
  const pages = data?.pages;
  const options = useMemo(
    () =>
      (pages ?? [])
        .flatMap((page) => page.Functions ?? [])
        .filter((fn) => fn.FunctionName)
        .map((fn): AutosuggestProps.Option => ({
          value: fn.FunctionName ?? '',
          description: fn.Description || undefined,
          tags: [fn.Runtime ?? fn.PackageType ?? '', fn.FunctionArn ?? ''].filter(Boolean),
        })),
    [pages],
  );

  // Cloudscape asks for items when the dropdown opens, on typing, on scrolling to the end, and
  // (samePage) when the user presses Retry after an error.
  const loadItems = ({ detail }: { detail: AutosuggestProps.LoadItemsDetail }) => {
    if (isError) {
      if (detail.samePage) void (data ? fetchNextPage() : refetch());
      return;
    }
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  };

  return (
    <Autosuggest
      ref={inputRef}
      value={value}
      onChange={({ detail }) => onChange(detail.value)}
      onBlur={onBlur}
      options={options}
      filteringType="auto"
      invalid={invalid}
      placeholder="my-function, my-function:live, or a function ARN"
      enteredTextLabel={(text) => `Use: "${text}"`}
      empty="No functions in this region"
      statusType={isError ? 'error' : isFetching ? 'loading' : hasNextPage ? 'pending' : 'finished'}
      loadingText="Loading functions"
      errorText={isError ? `Could not list functions: ${toAwsError(error).name}` : undefined}
      recoveryText="Retry"
      finishedText={
        options.length ? `All ${options.length} functions of this region are listed` : undefined
      }
      onLoadItems={loadItems}
    />
  );
}
