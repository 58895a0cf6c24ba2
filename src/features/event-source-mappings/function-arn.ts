/** A function reference split into its parts. */
export interface FunctionReference {
  /** Function name, e.g. `my-function`. */
  name: string;
  /** Version, alias or `$LATEST` when the ARN is qualified; absent for an unqualified ARN. */
  qualifier?: string;
  /** Region from the ARN, when it is a full ARN. */
  region?: string;
  /** 12-digit account ID from the ARN, when present. */
  accountId?: string;
}

/**
 * Splits a mapping's `FunctionArn` (`arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`,
 * reference §2 "Output-only") into name and qualifier. Also accepts the other `FunctionName`
 * formats of reference §2.2 (`name`, `name:qualifier`, `account:function:name[:qualifier]`).
 * @param functionArn the ARN (or name) as returned by Lambda.
 * @returns the parts; for unparseable input the whole string is the name. Never throws.
 */
export function parseFunctionArn(functionArn: string): FunctionReference {
  const parts = functionArn.split(':');
  const functionIndex = parts.indexOf('function');
  if (functionIndex === -1) {
    const [name = functionArn, qualifier] = parts;
    return parts.length <= 2 && name
      ? { name, ...(qualifier ? { qualifier } : {}) }
      : { name: functionArn };
  }
  const name = parts[functionIndex + 1];
  if (!name) return { name: functionArn };
  const qualifier = parts[functionIndex + 2];
  const isFullArn = parts[0] === 'arn' && functionIndex === 5;
  const accountId = isFullArn ? parts[4] : functionIndex === 1 ? parts[0] : undefined;
  const region = isFullArn ? parts[3] : undefined;
  return {
    name,
    ...(qualifier ? { qualifier } : {}),
    ...(region ? { region } : {}),
    ...(accountId ? { accountId } : {}),
  };
}
