import type { AliasConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import { toAwsError } from '../../../api/errors.ts';
import { parseFunctionName } from '../function-arn.ts';
import { functionQueries } from '../function-queries.ts';

/** The clear button's accessible name (also how the picker finds it to keep it out of Tab order). */
const CLEAR_LABEL = 'Clear function name';

/** Props of {@link FunctionPicker}. */
export interface FunctionPickerProps {
  /** The text in the input: a function name, partial or full ARN, optionally `:qualifier`. */
  value: string;
  /** Called with every change: typed text, or a picked entry (`name`, `name:alias`, `name:7`). */
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Marks the input invalid (its message is the surrounding FormField's). */
  invalid?: boolean;
  /** Focus target for react-hook-form. */
  inputRef?: Ref<AutosuggestProps.Ref>;
  /**
   * The input's `aria-label`, for a picker outside a FormField (inside one, the FormField's label
   * names the input, as `aria-labelledby` wins). Default `FunctionName`.
   */
  ariaLabel?: string;
}

/**
 * The listed function that `text` names: its exact name or the name of a (partial or full) ARN, with
 * or without a qualifier or a trailing `:` (the user is about to type one), read with
 * `parseFunctionName`; an account, region or partition in the text must be the function's own.
 */
function namedFunction(
  text: string,
  functions: readonly FunctionConfiguration[],
): FunctionConfiguration | undefined {
  const trimmed = text.trim();
  const ref = parseFunctionName(trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed);
  if (!ref) return undefined;
  return functions.find((fn) => {
    if (fn.FunctionName !== ref.name) return false;
    const own = parseFunctionName(fn.FunctionArn ?? '');
    return (
      (ref.account === undefined || ref.account === own?.account) &&
      (ref.region === undefined || ref.region === own?.region) &&
      (ref.partition === undefined || ref.partition === own?.partition)
    );
  });
}

/** `1 alias`, `2 aliases`. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `Version 3`, or `Version 3 (10 % to 4)` for a weighted alias. */
function aliasVersionTag(alias: AliasConfiguration): string {
  const weights = Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {});
  const shifted = weights.map(([version, weight]) => `${Math.round(weight * 100)} % to ${version}`);
  return `Version ${alias.FunctionVersion ?? '?'}${shifted.length ? ` (${shifted.join(', ')})` : ''}`;
}

/**
 * The function picker: an autosuggest fed by `ListFunctions` (50 per page, more pages loaded as the
 * user scrolls or types), filtered on the client by the typed text. Once the text names a listed
 * function (its name or ARN, e.g. after picking it), that function's aliases (`ListAliases`) and
 * published versions (`ListVersionsByFunction`) are loaded, one cached query each, and offered
 * right under it as `name:alias` (with the version it points to and its description) and
 * `name:version` (newest first); the unqualified name stays the `$LATEST` entry. Free text is
 * allowed, so any name, partial or full ARN, with or without `:version` or `:alias`, can be
 * entered; the form schema checks it against AWS's FunctionName pattern and length. A failed
 * listing does not block typing: its error is shown in the dropdown with Retry.
 *
 * Keyboard: the clear button is left out of the Tab order, so Tab after choosing goes on to the
 * next field and a following Enter cannot erase the choice; Escape (with the list closed) clears.
 */
export function FunctionPicker({
  value,
  onChange,
  onBlur,
  invalid,
  inputRef,
  ariaLabel = 'FunctionName',
}: FunctionPickerProps) {
  const query = useInfiniteQuery(functionQueries.list());
  const { data, hasNextPage, isFetchingNextPage, isFetching, isError, error } = query;
  const { fetchNextPage, refetch } = query;
  const pages = data?.pages;
  const functions = useMemo(
    () => (pages ?? []).flatMap((page) => page.Functions ?? []).filter((fn) => fn.FunctionName),
    [pages],
  );
  const named = useMemo(() => namedFunction(value, functions), [value, functions]);
  const name = named?.FunctionName ?? '';
  const versions = useQuery({ ...functionQueries.versions(name), enabled: named !== undefined });
  const aliases = useQuery({ ...functionQueries.aliases(name), enabled: named !== undefined });

  const options = useMemo((): AutosuggestProps.Options => {
    const groups = (): AutosuggestProps.OptionGroup[] => {
      const aliasOptions = (aliases.data ?? []).map((alias): AutosuggestProps.Option => ({
        value: `${name}:${alias.Name ?? ''}`,
        labelTag: aliasVersionTag(alias),
        description: alias.Description || undefined,
        filteringTags: alias.AliasArn ? [alias.AliasArn] : [],
      }));
      const versionOptions = (versions.data ?? []).map((version): AutosuggestProps.Option => ({
        value: `${name}:${version.Version ?? ''}`,
        labelTag: `Version ${version.Version ?? ''}`,
        description: version.Description || undefined,
        filteringTags: version.FunctionArn ? [version.FunctionArn] : [],
      }));
      return [
        ...(aliasOptions.length ? [{ label: `Aliases of ${name}`, options: aliasOptions }] : []),
        ...(versionOptions.length
          ? [{ label: `Published versions of ${name}`, options: versionOptions }]
          : []),
      ];
    };
    return functions.flatMap((fn): AutosuggestProps.Options => {
      const option: AutosuggestProps.Option = {
        value: fn.FunctionName ?? '',
        description: fn.Description || undefined,
        tags: [fn.Runtime ?? fn.PackageType ?? '', fn.FunctionArn ?? ''].filter(Boolean),
      };
      return fn === named ? [option, ...groups()] : [option];
    });
  }, [functions, named, name, aliases.data, versions.data]);

  const qualifiersLoading = named !== undefined && (aliases.isFetching || versions.isFetching);
  const qualifiersError = aliases.error ?? versions.error;
  // Cloudscape asks for items when the dropdown opens, on typing, on scrolling to the end, and
  // (samePage) when the user presses Retry after an error.
  const loadItems = ({ detail }: { detail: AutosuggestProps.LoadItemsDetail }) => {
    if (isError) {
      if (detail.samePage) void (data ? fetchNextPage() : refetch());
      return;
    }
    if (qualifiersError && detail.samePage) {
      if (aliases.isError) void aliases.refetch();
      if (versions.isError) void versions.refetch();
      return;
    }
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  };

  const statusType: AutosuggestProps.StatusType =
    isError || qualifiersError
      ? 'error'
      : isFetching || qualifiersLoading
        ? 'loading'
        : hasNextPage
          ? 'pending'
          : 'finished';
  const qualifierCounts = named
    ? `, with ${count(aliases.data?.length ?? 0, 'alias', 'aliases')} and ${count(versions.data?.length ?? 0, 'published version', 'published versions')} of ${name}`
    : '';

  // Cloudscape's clear button follows the input in the Tab order, so Tab then Enter after
  // choosing a function would erase it; keep it reachable by pointer, and Escape clears by keyboard.
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const clear = rootRef.current?.querySelector<HTMLButtonElement>(
      `button[aria-label="${CLEAR_LABEL}"]`,
    );
    if (clear && clear.tabIndex !== -1) clear.tabIndex = -1;
  });

  return (
    <div ref={rootRef}>
      <Autosuggest
        ref={inputRef}
        value={value}
        onChange={({ detail }) => onChange(detail.value)}
        onBlur={onBlur}
        options={options}
        filteringType="auto"
        invalid={invalid}
        ariaLabel={ariaLabel}
        clearAriaLabel={CLEAR_LABEL}
        placeholder="my-function, my-function:live, or a function ARN"
        enteredTextLabel={(text) => `Use: "${text}"`}
        empty="No functions in this region"
        statusType={statusType}
        loadingText={isFetching ? 'Loading functions' : `Loading aliases and versions of ${name}`}
        errorText={
          isError
            ? `Could not list functions: ${toAwsError(error).name}`
            : qualifiersError
              ? `Could not list aliases and versions of ${name}: ${toAwsError(qualifiersError).name}`
              : undefined
        }
        recoveryText="Retry"
        finishedText={
          functions.length
            ? `All ${functions.length} functions of this region are listed${qualifierCounts}`
            : undefined
        }
        onLoadItems={loadItems}
      />
    </div>
  );
}
