/**
 * The health of a mapping: one class per mapping, worst first, from the fields Lambda returns
 * (`State`, `StateTransitionReason`, `LastModified`, `LastProcessingResult`,
 * `FilterCriteriaError`) plus whether its `FunctionArn` still names a function
 * ({@link FunctionReferenceStatus}, from `useFunctionInventory`).
 *
 * Sources (each rule below names the one it follows):
 * - [API] AWS Lambda API reference, `EventSourceMappingConfiguration`: `State` is one of Creating,
 *   Enabling, Enabled, Disabling, Disabled, Updating, Deleting; `StateTransitionReason`
 *   "indicates whether a user or Lambda made the last change to the event source mapping";
 *   `LastModified` is "the date that the event source mapping was last updated or that its state
 *   changed"; `FilterCriteriaError` holds "the AWS KMS exception that resulted from filter criteria
 *   encryption or decryption" (`API_FilterCriteriaError`).
 * - [MQ] Lambda developer guide, "Troubleshoot Amazon MQ event source mapping errors"
 *   (services-mq-errors): when the consumer stops on an unrecoverable error, `StateTransitionReason`
 *   holds `ESM_CONFIG_NOT_VALID`, `EVENT_SOURCE_AUTHN_ERROR`, `EVENT_SOURCE_AUTHZ_ERROR` or
 *   `FUNCTION_CONFIG_NOT_VALID`.
 * - [KAFKA] Lambda developer guide, "Troubleshooting Kafka event source mapping errors"
 *   (with-kafka-troubleshoot; the same four codes for Amazon MSK and self-managed Kafka, "Event
 *   source mapping errors"), and its `LastProcessingResult` messages: "Cluster failed to authorize
 *   Lambda", "SASL authentication failed", "Server failed to authenticate Lambda", "Lambda failed
 *   to authenticate server", "Provided certificate or private key is invalid".
 * - [KC] AWS Knowledge Center, "How do I troubleshoot Lambda triggers that poll Amazon MSK and
 *   self-managed Apache Kafka clusters?" (lambda-trigger-msk-kafka-cluster): `PROBLEM: Connection
 *   error. Your event source VPC must be able to connect to Lambda and STS…`, `PROBLEM: Lambda
 *   failed to assume your function execution role.`
 * - [DOCDB] Amazon DocumentDB developer guide, "Using AWS Lambda with change streams": "In case the
 *   events in the change stream have expired, Lambda will disable the event source mapping. In
 *   this case, you can create a new event source mapping and configure it with a starting position
 *   of your choice." (AWS does not document the `StateTransitionReason` it sets then.)
 * - [REF] /work/shared/reference/lambda-esm-api.md §5: user reasons are `User action` (Kinesis,
 *   DynamoDB) and `USER_INITIATED` (SQS, MQ, MSK, self-managed Kafka); stream results
 *   `PROBLEM: Function call failed` (Lambda guide's `update-event-source-mapping` example);
 *   deleted functions leave mappings reporting `PROBLEM: Function not found`
 *   (hashicorp/terraform#4089); typical transitions take seconds to several minutes and Terraform
 *   waits at most 10 minutes.
 */
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describeEventSource } from './event-source.ts';
import { parseFunctionArn } from './function-arn.ts';
import { isTransitionalState } from './mapping-state.ts';

/** A mapping's health, one per mapping; {@link HEALTH_CLASSES} orders them worst first. */
export type HealthClass =
  | 'orphaned'
  | 'disabled-by-lambda'
  | 'stuck'
  | 'problem'
  | 'transitional'
  | 'disabled-by-user'
  | 'healthy';

/**
 * Every health class, worst first. This is also the precedence when several apply: a mapping
 * whose function is gone is orphaned even though it is also Disabled or reports
 * `PROBLEM: Function not found`; a Lambda-initiated disable outranks an old `PROBLEM:` text; a
 * stuck transition outranks the problem it may be stuck on; a `PROBLEM:` result is shown even on a
 * mapping the user disabled (it says why it was disabled, and does not go away until Lambda
 * processes again).
 */
export const HEALTH_CLASSES: readonly HealthClass[] = [
  'orphaned',
  'disabled-by-lambda',
  'stuck',
  'problem',
  'transitional',
  'disabled-by-user',
  'healthy',
];

/** What the console calls each health class (status indicators, filters). */
export const HEALTH_LABELS: Record<HealthClass, string> = {
  orphaned: 'Orphaned',
  'disabled-by-lambda': 'Disabled by Lambda',
  stuck: 'Stuck',
  problem: 'Problem',
  transitional: 'Transitional',
  'disabled-by-user': 'Disabled by user',
  healthy: 'Healthy',
};

/** What a `problem` is about, read from the `LastProcessingResult` text (or the reason code). */
export type ProblemCause =
  'function-error' | 'throttled' | 'auth' | 'network' | 'not-found' | 'other';

/** What the console calls each problem cause. */
export const PROBLEM_CAUSE_LABELS: Record<ProblemCause, string> = {
  'function-error': 'Function error',
  throttled: 'Throttled',
  auth: 'Authentication or permissions',
  network: 'Network',
  'not-found': 'Resource not found',
  other: 'Other',
};

/**
 * What `ListFunctions` / `ListVersionsByFunction` / `ListAliases` found for a mapping's
 * `FunctionArn`: the function (and its qualifier, if any) exists; the function is gone; the
 * function exists but the version or alias in the ARN does not; or not known (yet).
 */
export type FunctionReferenceStatus =
  'exists' | 'function-missing' | 'qualifier-missing' | 'unknown';

/** The health of one mapping, with what to tell the user. */
export interface MappingHealth {
  class: HealthClass;
  /** For `problem`: what the problem is about. */
  cause?: ProblemCause;
  /** For `disabled-by-lambda`: Lambda's `StateTransitionReason` (e.g. `FUNCTION_CONFIG_NOT_VALID`). */
  reasonCode?: string;
  /** One line a user reads, e.g. `Disabled by Lambda: the function configuration is not valid`. */
  summary: string;
  /** What to do about it, when there is something to do. */
  action?: string;
}

/**
 * Milliseconds a mapping may stay in a transitional State (Creating, Enabling, Disabling, Updating,
 * Deleting) after its `LastModified` before it is called stuck: 30 minutes. Lambda usually settles
 * SQS and stream mappings within a minute and MSK, self-managed Kafka and Amazon MQ mappings within
 * several minutes; Terraform's provider waits at most 10 minutes for create/update and 5 for delete
 * ([REF] §5). Three times the longest of those waits keeps slow but healthy transitions out, while
 * a mapping that has not settled in half an hour needs a person (Lambda refuses Update and Delete
 * with ResourceInUseException meanwhile).
 */
export const STUCK_AFTER_MS = 30 * 60_000;

/** What a Lambda reason code means, what to do, and the cause when the mapping is not Disabled. */
interface LambdaReason {
  meaning: string;
  action: string;
  cause: ProblemCause;
}

/**
 * The `StateTransitionReason` codes Lambda sets when it stops a mapping itself, with what they mean
 * and what to do ([MQ], [KAFKA]: the same four codes and meanings for Amazon MQ, Amazon MSK and
 * self-managed Kafka).
 */
const LAMBDA_REASONS: ReadonlyMap<string, LambdaReason> = new Map<string, LambdaReason>([
  // "The function's configuration is not valid." / "The function configuration isn't valid."
  [
    'FUNCTION_CONFIG_NOT_VALID',
    {
      meaning: 'the function configuration is not valid',
      action:
        'Fix the function’s configuration (its State and last update status in Lambda say what is wrong), then enable the mapping.',
      cause: 'other',
    },
  ],
  // "The event source mapping configuration is not valid."
  [
    'ESM_CONFIG_NOT_VALID',
    {
      meaning: 'the mapping configuration is not valid',
      action: 'Edit the mapping to correct its configuration, then enable it.',
      cause: 'other',
    },
  ],
  // "Lambda failed to authenticate the event source." / "Lambda couldn't authenticate the event source."
  [
    'EVENT_SOURCE_AUTHN_ERROR',
    {
      meaning: 'Lambda could not authenticate with the event source',
      action:
        'Check the credentials the mapping uses (the Secrets Manager secret in its source access configuration), then enable the mapping.',
      cause: 'auth',
    },
  ],
  // "Lambda does not have the required permissions to access the event source."
  [
    'EVENT_SOURCE_AUTHZ_ERROR',
    {
      meaning: 'Lambda does not have the permissions it needs to access the event source',
      action:
        'Give the function’s execution role the permissions the event source requires, then enable the mapping.',
      cause: 'auth',
    },
  ],
]);

/**
 * `StateTransitionReason` values a user's own change leaves ([REF] §5, recorded from AWS):
 * `User action` (Kinesis, DynamoDB Streams) and `USER_INITIATED` (the other sources).
 */
const USER_REASONS: ReadonlySet<string> = new Set(['User action', 'USER_INITIATED']);

/**
 * Whether a `StateTransitionReason` says Lambda, not a user, made the last change ([API]: "whether
 * a user or Lambda made the last change"): one of the documented codes ([MQ], [KAFKA]); the text
 * "Lambda initiated" (older API texts: "either user-requested or an AWS Lambda-initiated state
 * transition"); or any other UPPER_SNAKE_CASE code that is not `USER_INITIATED`. Every reason code
 * AWS documents is of that form, and AWS does not document the code of the DocumentDB
 * change-stream expiry ([DOCDB]), so an unknown code is treated as Lambda's. Free text that is
 * neither (e.g. a future user wording) counts as the user's.
 */
function isLambdaReason(reason: string): boolean {
  if (USER_REASONS.has(reason)) return false;
  if (LAMBDA_REASONS.has(reason)) return true;
  if (/^lambda[ -]initiated$/i.test(reason.trim())) return true;
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(reason);
}

/**
 * Text patterns of each problem cause, tried in this order (the first that matches wins; anything
 * else is `other`):
 * 1. not found first ("Function not found" is not a function error);
 * 2. unambiguous authentication and permission failures ([KAFKA]'s five messages, [KC]'s "Lambda
 *    failed to assume your function execution role", "not authorized", AccessDenied);
 * 3. throttling;
 * 4. network (connection, VPC, subnet, security group, timeouts) before the weaker auth words,
 *    because [KC]'s connection error adds "as well as Secrets Manager if authentication is
 *    required";
 * 5. the weaker auth words (authentication, credentials, secrets, KMS, TLS);
 * 6. the function's own failure.
 */
const CAUSE_PATTERNS: ReadonlyArray<readonly [ProblemCause, RegExp]> = [
  // [REF] "PROBLEM: Function not found" (deleted function); "Topic does not exist"; a deleted
  // queue, stream, secret or KMS key (KMS's NotFoundException in FilterCriteriaError).
  ['not-found', /not ?found|does ?n[o']t exist|no longer exists|\bdeleted\b|non-?existent/i],
  [
    'auth',
    /failed to authori[sz]e|not authori[sz]ed|unauthori[sz]ed|failed to authenticate|authentication failed|\bsasl\b|certificate|private key|permission|access ?denied|forbidden|assume (your |the )?(function )?(execution )?role/i,
  ],
  // Lambda throttling the invocations (TooManyRequestsException, "Rate Exceeded").
  ['throttled', /throttl|too ?many ?requests|rate exceeded|concurrency limit/i],
  // [KC] "Connection error. Your event source VPC must be able to connect to Lambda and STS",
  // "Please check your event source connection configuration".
  [
    'network',
    /connection|\bconnect\b|connectivity|network|\bvpc\b|subnet|security group|timed? ?out|timeout|unreachable|\bdns\b|\bnat\b/i,
  ],
  ['auth', /authenticat|authori[sz]|credential|\bsecret|\bkms\b|\bm?tls\b|\bssl\b/i],
  // [REF] "PROBLEM: Function call failed" (the function returned or threw an error).
  [
    'function-error',
    /function call failed|function error|function (returned|threw)|function failed|unhandled|invocation (failed|error)/i,
  ],
];

/**
 * The cause of a problem from its text (a `LastProcessingResult` after `PROBLEM:`, or a KMS error).
 * @param text the problem text.
 * @returns the first cause of {@link CAUSE_PATTERNS} whose pattern matches, else `other`.
 */
export function problemCauseOf(text: string): ProblemCause {
  for (const [cause, pattern] of CAUSE_PATTERNS) {
    if (pattern.test(text)) return cause;
  }
  return 'other';
}

/** What to do about each problem cause. */
const CAUSE_ACTIONS: Record<ProblemCause, string> = {
  'function-error':
    'Check the function’s logs in CloudWatch Logs for the error and fix the function.',
  throttled:
    'Give the function more concurrency (reserved concurrency or the account quota), or lower the mapping’s maximum concurrency.',
  auth: 'Check the credentials the mapping uses and the permissions of the function’s execution role for the event source.',
  network:
    'Check the VPC, subnets and security groups of the event source: its network must reach Lambda and AWS STS (and Secrets Manager when the mapping authenticates).',
  'not-found':
    'Something the mapping uses no longer exists: re-point the mapping, recreate the resource, or delete the mapping.',
  other: 'Check the function’s logs and the event source.',
};

/** `1 h 5 min`, `12 min`, `40 s` for a positive duration in milliseconds. */
function formatElapsed(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  return [days ? `${days} d` : '', hours ? `${hours} h` : '', minutes ? `${minutes} min` : '']
    .filter(Boolean)
    .join(' ');
}

/** The function (with qualifier) a mapping's `FunctionArn` names, for messages. */
function functionLabel(functionArn: string | undefined): string {
  if (!functionArn) return 'its function';
  const { name, qualifier } = parseFunctionArn(functionArn);
  return qualifier ? `${name}:${qualifier}` : name;
}

/** `LastModified` in epoch milliseconds (the SDK gives a Date; tolerate epoch seconds). */
/**
 * Whether a mapping is stuck: its `State` transitional (Creating, Enabling, Updating…) for more
 * than `stuckAfterMs` since its `LastModified` (the rule of {@link classifyMappingHealth}'s Stuck class).
 * @param mapping the mapping as Lambda returned it.
 * @param now epoch milliseconds.
 * @param stuckAfterMs the threshold, default {@link STUCK_AFTER_MS}.
 */
export function isStuckMapping(
  mapping: Pick<EventSourceMappingConfiguration, 'State' | 'LastModified'>,
  now: number,
  stuckAfterMs: number = STUCK_AFTER_MS,
): boolean {
  if (!isTransitionalState(mapping.State)) return false;
  const since = lastModifiedMs(mapping.LastModified);
  return since !== undefined && now - since > stuckAfterMs;
}

function lastModifiedMs(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  return undefined;
}

/**
 * Classifies one mapping. The rules, in precedence order ({@link HEALTH_CLASSES}):
 * 1. `orphaned` — `functionStatus` is `function-missing` or `qualifier-missing`: Lambda keeps
 *    mappings whose function was deleted ([REF]; hashicorp/terraform#4089, serverless#4471).
 * 2. `disabled-by-lambda` — `State` is `Disabled` (not `Disabling`) and `StateTransitionReason` is
 *    Lambda's (documented codes [MQ] [KAFKA] with the recommended action per code; "Lambda
 *    initiated"; other reason codes, e.g. the undocumented one of a DocumentDB change stream whose
 *    events expired [DOCDB]).
 * 3. `stuck` — a transitional `State` ({@link isTransitionalState}) whose `LastModified` ([API]) is
 *    more than `stuckAfterMs` (default {@link STUCK_AFTER_MS}) before `now`.
 * 4. `problem` — `LastProcessingResult` starts with `PROBLEM:` ([KAFKA], [REF]); or a
 *    `FilterCriteriaError` ([API]); or an Enabled mapping whose `StateTransitionReason` is one
 *    of Lambda's codes ([MQ] [KAFKA]: the consumer "stops processing records"). The cause comes from
 *    the text ({@link problemCauseOf}).
 * 5. `transitional` — a transitional `State` not yet stuck (or without `LastModified`).
 * 6. `disabled-by-user` — `Disabled` with `User action`, `USER_INITIATED` ([REF] §5) or any reason
 *    that is not Lambda's (including none).
 * 7. `healthy` — everything else (Enabled, with `OK`, `No records processed` or no result).
 * @param mapping the mapping as Lambda returned it.
 * @param context `now` in epoch milliseconds; the `FunctionArn`'s status (absent = `unknown`, which
 *   never makes a mapping orphaned); `stuckAfterMs` overrides {@link STUCK_AFTER_MS}.
 * @returns the class with a one-line summary and, where there is one, the recommended action.
 *   Never throws.
 */
export function classifyMappingHealth(
  mapping: EventSourceMappingConfiguration,
  context: { now: number; functionStatus?: FunctionReferenceStatus; stuckAfterMs?: number },
): MappingHealth {
  const { now, functionStatus = 'unknown', stuckAfterMs = STUCK_AFTER_MS } = context;
  const fn = functionLabel(mapping.FunctionArn);
  const state = mapping.State;
  const reason = mapping.StateTransitionReason?.trim() ?? '';

  // 1. Orphaned.
  if (functionStatus === 'function-missing' || functionStatus === 'qualifier-missing') {
    const { name, qualifier } = parseFunctionArn(mapping.FunctionArn ?? '');
    return {
      class: 'orphaned',
      summary:
        functionStatus === 'function-missing'
          ? `Orphaned: function ${name} no longer exists`
          : `Orphaned: function ${name} has no version or alias ${qualifier ?? ''}`.trimEnd(),
      action: 'Re-point the mapping to an existing function, or delete it.',
    };
  }

  // 2. Disabled by Lambda.
  if (state === 'Disabled' && reason && isLambdaReason(reason)) {
    const known = LAMBDA_REASONS.get(reason);
    if (known) {
      return {
        class: 'disabled-by-lambda',
        reasonCode: reason,
        summary: `Disabled by Lambda: ${known.meaning}`,
        action: known.action,
      };
    }
    const documentDb = describeEventSource(mapping).type === 'Amazon DocumentDB';
    return {
      class: 'disabled-by-lambda',
      reasonCode: reason,
      summary: `Disabled by Lambda (${reason})`,
      action: documentDb
        ? 'Lambda disables a DocumentDB mapping when the change stream events it had to read expired: create a new mapping with the starting position you need, then delete this one.'
        : 'Find the cause in the LastProcessingResult and the function’s logs and fix it, then enable the mapping.',
    };
  }

  // 3. Stuck / 5. transitional (decided here, returned after the problem check).
  let transitional: MappingHealth | undefined;
  if (isTransitionalState(state)) {
    if (isStuckMapping(mapping, now, stuckAfterMs)) {
      const elapsed = now - (lastModifiedMs(mapping.LastModified) ?? now);
      return {
        class: 'stuck',
        summary: `Stuck: ${state} for ${formatElapsed(elapsed)}`,
        action: `Lambda has not finished this change and refuses edits and deletion until it does. Refresh to check again; if the mapping stays ${state}, contact AWS Support.`,
      };
    }
    transitional = {
      class: 'transitional',
      summary: `${state}: Lambda is applying a change`,
    };
  }

  // 4. Problem.
  const result = mapping.LastProcessingResult?.trim();
  if (result?.startsWith('PROBLEM:')) {
    const text = result.slice('PROBLEM:'.length).trim() || 'Lambda reported a problem';
    const cause = problemCauseOf(text);
    return {
      class: 'problem',
      cause,
      summary: `Problem (${PROBLEM_CAUSE_LABELS[cause].toLowerCase()}): ${text}`,
      action:
        cause === 'not-found' && /function/i.test(text)
          ? `The function ${fn} may have been deleted: re-point the mapping to an existing function, or delete it.`
          : CAUSE_ACTIONS[cause],
    };
  }
  const filterError = mapping.FilterCriteriaError;
  if (filterError && (filterError.ErrorCode || filterError.Message)) {
    const text = [filterError.ErrorCode, filterError.Message].filter(Boolean).join(': ');
    const cause = problemCauseOf(text);
    return {
      class: 'problem',
      cause,
      summary: `Problem: the filter criteria could not be encrypted or decrypted (${text})`,
      action:
        'Check the KMS key in the mapping’s KMSKeyArn: it must exist, be enabled, and allow Lambda to use it.',
    };
  }
  // Only on a settled, not Disabled mapping (Enabled): while Disabling it is transitional, and
  // once Disabled it is rule 2.
  const stoppedBy = state === 'Disabled' || transitional ? undefined : LAMBDA_REASONS.get(reason);
  if (stoppedBy) {
    return {
      class: 'problem',
      cause: stoppedBy.cause,
      summary: `Problem: Lambda stopped processing because ${stoppedBy.meaning} (${reason})`,
      action: stoppedBy.action,
    };
  }

  if (transitional) return transitional;

  // 6. Disabled by the user.
  if (state === 'Disabled') {
    return {
      class: 'disabled-by-user',
      summary: USER_REASONS.has(reason) ? 'Disabled by a user' : 'Disabled',
      action: 'Enable the mapping to resume processing.',
    };
  }

  // 7. Healthy.
  return {
    class: 'healthy',
    summary: result ? `${state ?? 'Enabled'}: ${result}` : (state ?? 'Healthy'),
  };
}

const RANK: Record<HealthClass, number> = Object.fromEntries(
  HEALTH_CLASSES.map((c, index) => [c, index]),
) as Record<HealthClass, number>;

/**
 * The position of a health class in {@link HEALTH_CLASSES}, for a "worst first" sort.
 * @param c a health class.
 * @returns 0 for `orphaned` (worst) up to 6 for `healthy`.
 */
export function healthRank(c: HealthClass): number {
  return RANK[c];
}
