/** A function reference split into its parts. */
export interface FunctionReference {
  /** Function name, e.g. `my-function`. */
  name: string;
  /** Version, alias, `$LATEST` or `$LATEST.PUBLISHED` when qualified; absent when unqualified. */
  qualifier?: string;
  /** 12-digit account ID, when the reference has one (full or partial ARN). */
  account?: string;
  /** Region, when the reference has one (full ARN, or a partial ARN that starts with a region). */
  region?: string;
  /** Partition of a full ARN (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, …), when it names one. */
  partition?: string;
}

/**
 * A region as Lambda's ARN patterns allow it (botocore model 2026-08: `(eusc-)?[a-z]{2}((-gov)|
 * (-iso([a-z]?)))?-[a-z]+-\d{1}`): `us-east-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`.
 */
const REGION = String.raw`(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d`;

/**
 * Lambda's `NamespacedFunctionName` pattern (botocore model `lambda/2015-03-31` of 2026-08-07, the
 * `FunctionName` of Create/UpdateEventSourceMapping, ListVersionsByFunction…), with the same
 * alternatives in the same order so that an ambiguous text is read as AWS's regex reads it:
 * `(arn:(aws[a-zA-Z-]*)?:lambda:<region>:\d{12}:|((<region>:)?(\d{12}:)?))(function:)?
 * ([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`, anchored (AWS matches the
 * whole value). Groups: 1 partition, 2 region, 3 account (full ARN); 4 region, 5 account
 * (partial ARN); 6 name; 7 qualifier.
 */
const NAMESPACED_FUNCTION_NAME = new RegExp(
  String.raw`^(?:arn:(aws[a-zA-Z-]*)?:lambda:(${REGION}):(\d{12}):|(?:(${REGION}):)?(?:(\d{12}):)?)` +
    String.raw`(?:function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]+))?$`,
);

/**
 * Parses any `FunctionName` form Lambda accepts (reference §2.2; service model
 * `NamespacedFunctionName`): a name (`my-function`), a qualified name (`my-function:live`,
 * `my-function:7`, `my-function:$LATEST`), a partial ARN (`123456789012:function:my-function[:q]`,
 * optionally led by a region), or a full ARN in any partition and region the model allows
 * (`arn:aws:lambda:us-east-1:123456789012:function:my-function[:q]`, `arn:aws-cn:…`,
 * `arn:aws-us-gov:…`, ISO regions such as `us-isob-east-1`, `eusc-de-east-1`). Like AWS's regex, a
 * leading region or 12-digit segment is read as region or account, and `function:` is optional.
 * Checks characters and structure only, not lengths (the form schema's `functionNameError` checks
 * the 256/64/128-character limits).
 * @param functionName the text, exactly as it would be sent (not trimmed here).
 * @returns its parts, or `undefined` when the text is not a `FunctionName`. Never throws.
 */
export function parseFunctionName(functionName: string): FunctionReference | undefined {
  const m = NAMESPACED_FUNCTION_NAME.exec(functionName);
  if (!m) return undefined;
  const [, partition, arnRegion, arnAccount, partialRegion, partialAccount, name = '', qualifier] =
    m;
  const region = arnRegion ?? partialRegion;
  const account = arnAccount ?? partialAccount;
  return {
    name,
    ...(qualifier ? { qualifier } : {}),
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    ...(partition ? { partition } : {}),
  };
}

/**
 * Splits a mapping's `FunctionArn` (`arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`,
 * reference §2 "Output-only") into its parts with {@link parseFunctionName}, so it also accepts
 * every other `FunctionName` form.
 * @param functionArn the ARN (or name) as returned by Lambda.
 * @returns the parts; for input that is no `FunctionName` the whole string is the name. Never
 *   throws.
 */
export function parseFunctionArn(functionArn: string): FunctionReference {
  return parseFunctionName(functionArn) ?? { name: functionArn };
}
