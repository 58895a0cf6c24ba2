/**
 * Maps an error thrown by a Create/UpdateEventSourceMapping call to what the form shows: a message
 * next to the field AWS complained about when it can be attributed, a form-level message otherwise,
 * plus the actions the UI can offer (open the existing mapping on a conflict; retry once the mapping
 * settles when it is in use; wait on throttling).
 *
 * AWS messages recognised (reference §3.2, §4.2; [AWS-rec] = recorded from real AWS):
 * - ValidationException / InvalidParameterValueException "N validation error(s) detected: Value … at
 *   '<camelCaseMember>' failed to satisfy constraint: …" [AWS-rec] → that member's field;
 * - "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10"
 *   [AWS-rec], "Batching window is not supported for FIFO queues" → MaximumBatchingWindowInSeconds;
 * - "Unsupported '<camelName>' parameter for given event source mapping type." and "Unsupported
 *   DestinationConfig parameter …" [AWS-rec] → that field;
 * - "Unsupported starting position for arn type: …" [AWS-rec] → StartingPosition; "Need to specify a
 *   timestamp" → StartingPositionTimestamp;
 * - "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)";
 * - "Maximum batch size must be between 1 and 10 inclusive" → BatchSize;
 * - "Invalid filter pattern definition." [AWS-rec] → FilterCriteria.Filters;
 * - "Function does not exist" [AWS-rec] / "Function not found: …" [AWS-rec] → FunctionName;
 * - "Unrecognized event source." [AWS-rec], "Stream not found: …" [AWS-rec], SQS NonExistentQueue
 *   [AWS-rec] → EventSourceArn;
 * - "Required 'sourceAccessConfigurations' parameter is missing." [AWS-rec] → SourceAccessConfigurations;
 * - "The Destination field is required for an OnFailure configuration." → the destination field;
 * - execution-role problems ("cannot be assumed by Lambda", "execution role does not have
 *   permissions", "ensure the role can perform") → form-level `permissions`;
 * - ResourceConflictException "… Please update or delete the existing mapping with UUID <uuid>"
 *   [AWS-rec] → `existingUuid`;
 * - ResourceInUseException → `retryWhenSettled`.
 */
import { ACCESS_DENIED_HINT, toAwsError } from '../../../api/errors';
import { LEAF_MEMBER_NAMES, MEMBER_LEAVES } from './request-members';
import type { MappingFieldPath } from './mapping-form-schema';

/** What kind of failure it was; drives which actions the UI offers. */
export type FormApiErrorKind =
  /** AWS refused a value; `field` says which (form-level when it could not be attributed). */
  | 'invalid'
  /** A mapping for this source and function already exists (`existingUuid` when AWS named it). */
  | 'conflict'
  /** The mapping is in a transitional state; retry once it settles. */
  | 'in-use'
  /** The mapping (or function) does not exist. */
  | 'not-found'
  /** The function's execution role cannot read the source. */
  | 'permissions'
  /** The caller's identity is not allowed to call this Lambda action. */
  | 'access-denied'
  /** The caller's credentials were rejected (expired or invalid). */
  | 'credentials'
  /** Throttled (429); wait `retryAfterSeconds` when known. */
  | 'throttled'
  /** Lambda failed (5xx). */
  | 'service'
  /** The request never reached Lambda (network, CORS, timeout). */
  | 'network'
  /** Anything else. */
  | 'unknown';

/** A field-level message. */
export interface FormFieldError {
  /** The react-hook-form path of the field. */
  field: MappingFieldPath;
  /** What to change, in words. */
  message: string;
}

/** The mapped error. */
export interface FormApiError {
  kind: FormApiErrorKind;
  /** First field the error is attributed to; absent → show `message` at form level. */
  field?: MappingFieldPath;
  /** What happened and what to do, in words. */
  message: string;
  /** Every attributable field (several for "N validation errors detected"); `[]` when none. */
  fieldErrors: FormFieldError[];
  /** ResourceConflictException: UUID of the mapping that already exists. */
  existingUuid?: string;
  /** Offer to retry once the mapping leaves its transitional state. */
  retryWhenSettled?: boolean;
  /** TooManyRequestsException: seconds to wait (from `Retry-After`), when AWS sent it. */
  retryAfterSeconds?: number;
  /** AWS exception name (e.g. `InvalidParameterValueException`), or the JS error name. */
  awsErrorName: string;
  /** AWS's message verbatim (shown as detail). */
  awsMessage: string;
}

// ---------------------------------------------------------------------------------------------
// Field attribution
// ---------------------------------------------------------------------------------------------

const TOP_LEVEL: Readonly<Record<string, MappingFieldPath>> = {
  functionname: 'FunctionName',
  eventsourcearn: 'EventSourceArn',
  enabled: 'Enabled',
  batchsize: 'BatchSize',
  maximumbatchingwindowinseconds: 'MaximumBatchingWindowInSeconds',
  parallelizationfactor: 'ParallelizationFactor',
  startingposition: 'StartingPosition',
  startingpositiontimestamp: 'StartingPositionTimestamp',
  maximumrecordageinseconds: 'MaximumRecordAgeInSeconds',
  maximumretryattempts: 'MaximumRetryAttempts',
  bisectbatchonfunctionerror: 'BisectBatchOnFunctionError',
  destinationconfig: 'DestinationConfig.OnFailure.Destination',
  tumblingwindowinseconds: 'TumblingWindowInSeconds',
  functionresponsetypes: 'FunctionResponseTypes',
  filtercriteria: 'FilterCriteria.Filters',
  topics: 'Topics.0',
  queues: 'Queues.0',
  sourceaccessconfigurations: 'SourceAccessConfigurations',
  selfmanagedeventsource: 'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS',
  scalingconfig: 'ScalingConfig.MaximumConcurrency',
  amazonmanagedkafkaeventsourceconfig: 'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId',
  selfmanagedkafkaeventsourceconfig: 'SelfManagedKafkaEventSourceConfig.ConsumerGroupId',
  documentdbeventsourceconfig: 'DocumentDBEventSourceConfig.DatabaseName',
};

/**
 * The form field for a member path as AWS writes it in validation messages: camelCase members,
 * lists as `<member>.<N>.member` with N counted from 1 (e.g. `filterCriteria.filters.2.member.pattern`).
 * @param awsPath e.g. `batchSize`, `sourceAccessConfigurations.1.member.uRI`.
 * @returns the form path, or `undefined` when the member is not a form field.
 */
export function fieldForAwsMember(awsPath: string): MappingFieldPath | undefined {
  const segments = awsPath.split('.').filter((s) => s !== 'member' && s !== '');
  // A registry leaf (`provisionedPollerConfig.maximumPollers`), or the first leaf of its member.
  const lower = segments.join('.').toLowerCase();
  const registryLeaf =
    MEMBER_LEAVES.find((l) => l.path.toLowerCase() === lower) ??
    (LEAF_MEMBER_NAMES.some((name) => name.toLowerCase() === lower)
      ? MEMBER_LEAVES.find((l) => l.path.toLowerCase().startsWith(`${lower}.`))
      : undefined);
  if (registryLeaf) return registryLeaf.path;
  const [head = '', ...rest] = segments;
  const top = TOP_LEVEL[head.toLowerCase()];
  if (!top) return undefined;
  const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) - 1 : undefined;
  const leaf = rest[rest.length - 1]?.toLowerCase();
  switch (top) {
    case 'SourceAccessConfigurations':
      if (index !== undefined && index >= 0) {
        return leaf === 'type'
          ? `SourceAccessConfigurations.${index}.Type`
          : `SourceAccessConfigurations.${index}.URI`;
      }
      return top;
    case 'FilterCriteria.Filters': {
      const filterIndex =
        rest[1] !== undefined && /^\d+$/.test(rest[1]) ? Number(rest[1]) - 1 : undefined;
      return filterIndex !== undefined && filterIndex >= 0
        ? `FilterCriteria.Filters.${filterIndex}.Pattern`
        : top;
    }
    case 'DocumentDBEventSourceConfig.DatabaseName':
      if (leaf === 'collectionname') return 'DocumentDBEventSourceConfig.CollectionName';
      if (leaf === 'fulldocument') return 'DocumentDBEventSourceConfig.FullDocument';
      return top;
    default:
      return top;
  }
}

const fieldLabel = (field: MappingFieldPath): string =>
  field
    .replace(/\.\d+\./g, ' ')
    .replace(/\.0$/, '')
    .replace('DestinationConfig.OnFailure.Destination', 'the on-failure destination')
    .replace('SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS', 'the bootstrap servers');

const fmtNumber = (s: string): string =>
  /^-?\d+$/.test(s) ? Number(s).toLocaleString('en-US') : s;

/** Turns one "failed to satisfy constraint" clause into what to change. */
function constraintMessage(field: MappingFieldPath, constraint: string): string {
  const label = fieldLabel(field);
  let m: RegExpExecArray | null;
  if ((m = /value less than or equal to (-?\d+)/i.exec(constraint))) {
    return `${label} must be at most ${fmtNumber(m[1] ?? '')}; enter a smaller value.`;
  }
  if ((m = /value greater than or equal to (-?\d+)/i.exec(constraint))) {
    return `${label} must be at least ${fmtNumber(m[1] ?? '')}; enter a larger value.`;
  }
  if ((m = /length less than or equal to (\d+)/i.exec(constraint))) {
    return `${label} must be at most ${fmtNumber(m[1] ?? '')} characters; shorten it.`;
  }
  if ((m = /length greater than or equal to (\d+)/i.exec(constraint))) {
    return `${label} must be at least ${fmtNumber(m[1] ?? '')} characters long.`;
  }
  if ((m = /enum value set: \[([^\]]*)\]/i.exec(constraint))) {
    return `Choose ${label} from: ${(m[1] ?? '').split(/,\s*/).join(', ')}.`;
  }
  if (/must not be null/i.test(constraint)) return `${label} is required; enter a value.`;
  if (/regular expression pattern/i.test(constraint)) {
    return `${label} is not in a format AWS accepts; check it for typos or unsupported characters.`;
  }
  return `AWS refused ${label}: ${constraint.trim()}`;
}

const VALIDATION_CLAUSE = /at '([^']+)' failed to satisfy constraint: (.*?)(?=;\s*Value\b|$)/gs;

/** Field errors of a "N validation error(s) detected: …" message, in message order. */
function validationFieldErrors(message: string): FormFieldError[] {
  const out: FormFieldError[] = [];
  for (const match of message.matchAll(VALIDATION_CLAUSE)) {
    const field = fieldForAwsMember(match[1] ?? '');
    if (field && !out.some((e) => e.field === field)) {
      out.push({ field, message: constraintMessage(field, match[2] ?? '') });
    }
  }
  return out;
}

interface KnownMessage {
  pattern: RegExp;
  field: MappingFieldPath | ((m: RegExpExecArray) => MappingFieldPath | undefined);
  message: (m: RegExpExecArray) => string;
}

/** Known InvalidParameterValueException texts (see the module doc for their sources). */
const KNOWN_MESSAGES: readonly KnownMessage[] = [
  {
    pattern:
      /Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10/i,
    field: 'MaximumBatchingWindowInSeconds',
    message: () =>
      'SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second; set a window of 1–300 seconds, or lower BatchSize to 10.',
  },
  {
    pattern: /Batching window is not supported for FIFO queues/i,
    field: 'MaximumBatchingWindowInSeconds',
    message: () =>
      'SQS FIFO queues do not support a batching window; clear MaximumBatchingWindowInSeconds.',
  },
  {
    pattern: /Unsupported DestinationConfig parameter/i,
    field: 'DestinationConfig.OnFailure.Destination',
    message: () =>
      'This source type does not support an on-failure destination; clear it (only Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka have one).',
  },
  {
    pattern: /Unsupported '([A-Za-z.]+)' parameter for given event source mapping type/i,
    field: (m) => fieldForAwsMember(m[1] ?? ''),
    message: (m) => `This source type does not accept ${m[1] ?? 'this parameter'}; clear it.`,
  },
  {
    pattern: /Unsupported starting position for arn type/i,
    field: 'StartingPosition',
    message: () =>
      'This source does not support that StartingPosition; choose TRIM_HORIZON or LATEST (AT_TIMESTAMP is not available for DynamoDB Streams).',
  },
  {
    pattern: /Need to specify a timestamp/i,
    field: 'StartingPositionTimestamp',
    message: () =>
      'Enter StartingPositionTimestamp: AT_TIMESTAMP needs the time to start reading from.',
  },
  {
    pattern: /MaximumRecordAgeInSeconds must be either -1/i,
    field: 'MaximumRecordAgeInSeconds',
    message: () =>
      'MaximumRecordAgeInSeconds must be -1 (infinite) or 60–604,800 seconds; change the value.',
  },
  {
    pattern: /Maximum batch size must be between 1 and (\d+)/i,
    field: 'BatchSize',
    message: (m) =>
      `BatchSize must be between 1 and ${fmtNumber(m[1] ?? '')} for this source; change it.`,
  },
  {
    pattern: /Invalid filter pattern definition/i,
    field: 'FilterCriteria.Filters',
    message: () =>
      'AWS refused a filter pattern; each must be a JSON object whose values to match are in arrays, e.g. {"body": {"status": ["active"]}}.',
  },
  {
    pattern: /Function does not exist|Function not found/i,
    field: 'FunctionName',
    message: () =>
      'No function with this name (and version or alias) exists in this account and Region; check the name, or create the function first.',
  },
  {
    pattern: /Unrecognized event source|Unsupported source arn/i,
    field: 'EventSourceArn',
    message: () =>
      'Lambda does not recognise this event source; enter the ARN of a Kinesis stream, DynamoDB stream, SQS queue, MSK cluster, MQ broker or DocumentDB cluster.',
  },
  {
    pattern: /Stream not found/i,
    field: 'EventSourceArn',
    message: () =>
      'This stream does not exist (or is in another account or Region); check the ARN.',
  },
  {
    pattern: /NonExistentQueue|specified queue does not exist/i,
    field: 'EventSourceArn',
    message: () => 'This queue does not exist (or is in another account or Region); check the ARN.',
  },
  {
    pattern: /Required 'sourceAccessConfigurations' parameter is missing/i,
    field: 'SourceAccessConfigurations',
    message: () =>
      'Add an authentication entry (secret ARN) or VPC access (VPC_SUBNET and VPC_SECURITY_GROUP): this source requires SourceAccessConfigurations.',
  },
  {
    pattern: /The Destination field is required for an OnFailure configuration/i,
    field: 'DestinationConfig.OnFailure.Destination',
    message: () => 'Enter the on-failure destination ARN, or remove the destination.',
  },
];

const ROLE_PROBLEM =
  /cannot be assumed by Lambda|execution role does not have permissions|ensure the role can perform/i;

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

interface ErrorLike {
  name: string;
  message: string;
  status?: number;
  retryAfterSeconds?: string | number;
}

/**
 * The error as the form reads it: name, message and status from the console's one narrowing
 * (`toAwsError`, src/api/errors.ts), plus the SDK's `retryAfterSeconds` of a throttled call.
 */
function asErrorLike(error: unknown): ErrorLike {
  const info = toAwsError(error);
  const retry = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return {
    name: info.name,
    message: info.message,
    ...(info.httpStatusCode !== undefined ? { status: info.httpStatusCode } : {}),
    ...(typeof retry === 'string' || typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
  };
}

/**
 * Exception name, or — when the browser hid `x-amzn-ErrorType` and `toAwsError` could only say
 * `HTTP <status> error` — the exception Lambda answers with that status (reference §4).
 */
function effectiveName(e: ErrorLike): string {
  if (!e.name.startsWith('HTTP ') || e.status === undefined) return e.name;
  if (e.status === 404) return 'ResourceNotFoundException';
  if (e.status === 409) return 'ResourceConflictException';
  if (e.status === 429) return 'TooManyRequestsException';
  if (e.status === 403) return 'AccessDeniedException';
  if (e.status >= 500) return 'ServiceException';
  if (e.status === 400) return 'InvalidParameterValueException';
  return e.name;
}

const UUID_IN_MESSAGE =
  /existing mapping with UUID ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/;

/**
 * Maps an error thrown by `lambdaClient.send(new Create/UpdateEventSourceMappingCommand(…))` (or any
 * `{ name, message }`) to what the form shows.
 * @param error the rejection reason: an SDK `ServiceException` (name, message, `$metadata`,
 *   `retryAfterSeconds`), a network `TypeError`, or anything else.
 * @returns the mapped error; never throws.
 */
export function apiErrorToForm(error: unknown): FormApiError {
  const e = asErrorLike(error);
  const name = effectiveName(e);
  const base = { awsErrorName: e.name, awsMessage: e.message, fieldErrors: [] as FormFieldError[] };

  switch (name) {
    case 'ValidationException':
    case 'InvalidParameterValueException':
    case 'InvalidRequestContentException': {
      const fieldErrors = validationFieldErrors(e.message);
      for (const known of KNOWN_MESSAGES) {
        const m = known.pattern.exec(e.message);
        if (!m) continue;
        const field = typeof known.field === 'function' ? known.field(m) : known.field;
        if (field && !fieldErrors.some((f) => f.field === field)) {
          fieldErrors.push({ field, message: known.message(m) });
        } else if (!field) {
          return { ...base, kind: 'invalid', message: known.message(m) };
        }
        break;
      }
      if (ROLE_PROBLEM.test(e.message)) {
        return {
          ...base,
          kind: 'permissions',
          message:
            'The function’s execution role cannot read this event source. Grant the role the permissions AWS names below, then try again (new IAM permissions can take a few seconds to apply).',
        };
      }
      const [first] = fieldErrors;
      if (first) {
        return {
          ...base,
          kind: 'invalid',
          field: first.field,
          message: first.message,
          fieldErrors,
        };
      }
      return {
        ...base,
        kind: 'invalid',
        message: `Lambda refused the request: ${(e.message || name).replace(/\.+$/, '')}. Change the settings it names and try again.`,
      };
    }
    case 'ResourceConflictException': {
      const uuid = UUID_IN_MESSAGE.exec(e.message)?.[1];
      if (uuid) {
        return {
          ...base,
          kind: 'conflict',
          existingUuid: uuid.toLowerCase(),
          message: `A mapping between this event source and function already exists (UUID ${uuid.toLowerCase()}). Open it to change its settings, or delete it before creating another.`,
        };
      }
      return {
        ...base,
        kind: 'conflict',
        retryWhenSettled: true,
        message:
          'Another change to this mapping is in progress. Wait for it to finish, then try again.',
      };
    }
    case 'ResourceInUseException':
      return {
        ...base,
        kind: 'in-use',
        retryWhenSettled: true,
        message:
          'The mapping is busy (being created, updated, enabled or disabled). Wait until its state settles, then apply again.',
      };
    case 'ResourceNotFoundException':
      if (/Function not found/i.test(e.message)) {
        const message =
          'No function with this name (and version or alias) exists in this account and Region; check the name, or create the function first.';
        return {
          ...base,
          kind: 'not-found',
          field: 'FunctionName',
          message,
          fieldErrors: [{ field: 'FunctionName', message }],
        };
      }
      return {
        ...base,
        kind: 'not-found',
        message: 'This mapping no longer exists; it may have been deleted. Go back to the list.',
      };
    case 'TooManyRequestsException': {
      const seconds = Number(e.retryAfterSeconds);
      const wait = Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
      return {
        ...base,
        kind: 'throttled',
        ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
        message: `Lambda is limiting the request rate. Wait ${
          wait !== undefined ? `${wait} second${wait === 1 ? '' : 's'}` : 'a moment'
        } and try again.`,
      };
    }
    case 'AccessDeniedException':
    case 'AccessDenied': {
      const action = /perform: (lambda:[A-Za-z]+)/.exec(e.message)?.[1];
      return {
        ...base,
        kind: 'access-denied',
        message: `Your identity is not allowed to ${action ? `call ${action}` : 'make this change'}. ${ACCESS_DENIED_HINT}`,
      };
    }
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'ExpiredTokenException':
    case 'NotAuthorizedException':
    case 'CredentialsProviderError':
      return {
        ...base,
        kind: 'credentials',
        message:
          'Your sign-in credentials were rejected or have expired. Sign in again, then retry.',
      };
    case 'ServiceException':
    case 'InternalFailure':
    case 'ServiceUnavailableException':
      return {
        ...base,
        kind: 'service',
        message: 'Lambda had an internal error. Try again in a moment.',
      };
    default:
      if (
        e.status === undefined &&
        (name === 'TypeError' || name === 'TimeoutError' || name === 'NetworkError')
      ) {
        return {
          ...base,
          kind: 'network',
          message:
            'Could not reach Lambda (network or CORS problem). Check your connection and try again.',
        };
      }
      return {
        ...base,
        kind: 'unknown',
        message: `The request failed: ${e.message || name}.`,
      };
  }
}
