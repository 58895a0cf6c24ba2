import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import {
  classifyMappingHealth,
  HEALTH_CLASSES,
  HEALTH_LABELS,
  healthRank,
  PROBLEM_CAUSE_LABELS,
  problemCauseOf,
  STUCK_AFTER_MS,
  type ProblemCause,
} from './mapping-health.ts';

const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000);

const MQ: EventSourceMappingConfiguration = {
  UUID: '91eaeb7e-c976-1234-9451-8709db01f137',
  EventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-8ac7cc01-5898-482d-be2f',
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-consumer',
  Queues: ['orders'],
  LastModified: minutesAgo(120),
  LastProcessingResult: 'No records processed',
};
const KINESIS: EventSourceMappingConfiguration = {
  UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2',
  EventSourceArn: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
  FunctionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function',
  LastModified: minutesAgo(120),
  LastProcessingResult: 'OK',
  State: 'Enabled',
  StateTransitionReason: 'User action',
};
const DOCDB: EventSourceMappingConfiguration = {
  UUID: '2b1f0d3e-7a4c-4f0e-9b6d-3c5e7a9b1d2f',
  EventSourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:docdb-orders',
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-changes',
  LastModified: minutesAgo(120),
};

const classify = (
  overrides: Partial<EventSourceMappingConfiguration>,
  context: Partial<Parameters<typeof classifyMappingHealth>[1]> = {},
  base: EventSourceMappingConfiguration = KINESIS,
) => classifyMappingHealth({ ...base, ...overrides }, { now: NOW, ...context });

describe('health classes', () => {
  it('are ordered worst first, and healthRank sorts by that order', () => {
    expect(HEALTH_CLASSES).toEqual([
      'orphaned',
      'disabled-by-lambda',
      'stuck',
      'problem',
      'transitional',
      'disabled-by-user',
      'healthy',
    ]);
    const shuffled = ['healthy', 'problem', 'orphaned', 'disabled-by-user', 'stuck'] as const;
    expect([...shuffled].sort((a, b) => healthRank(a) - healthRank(b))).toEqual([
      'orphaned',
      'stuck',
      'problem',
      'disabled-by-user',
      'healthy',
    ]);
    expect(healthRank('orphaned')).toBe(0);
    expect(HEALTH_LABELS['disabled-by-lambda']).toBe('Disabled by Lambda');
    expect(PROBLEM_CAUSE_LABELS['not-found']).toBe('Resource not found');
  });
});

describe('orphaned (the function or its qualifier no longer exists)', () => {
  it('names the missing function and says to re-point or delete', () => {
    expect(classify({}, { functionStatus: 'function-missing' })).toEqual({
      class: 'orphaned',
      summary: 'Orphaned: function my-function no longer exists',
      action: 'Re-point the mapping to an existing function, or delete it.',
    });
  });

  it('names the missing version or alias', () => {
    const health = classify(
      { FunctionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:live' },
      { functionStatus: 'qualifier-missing' },
    );
    expect(health.class).toBe('orphaned');
    expect(health.summary).toBe('Orphaned: function my-function has no version or alias live');
  });

  it('outranks a Lambda disable and the "Function not found" result it causes', () => {
    const health = classify(
      {
        State: 'Disabled',
        StateTransitionReason: 'FUNCTION_CONFIG_NOT_VALID',
        LastProcessingResult: 'PROBLEM: Function not found',
      },
      { functionStatus: 'function-missing' },
      MQ,
    );
    expect(health.class).toBe('orphaned');
  });

  it('is never decided without the inventory (unknown) or when the function exists', () => {
    const orphanText = { LastProcessingResult: 'PROBLEM: Function not found' };
    expect(classify(orphanText, { functionStatus: 'unknown' })).toMatchObject({
      class: 'problem',
      cause: 'not-found',
    });
    expect(classify(orphanText).class).toBe('problem');
    expect(classify({}, { functionStatus: 'exists' }).class).toBe('healthy');
  });
});

describe('disabled by Lambda (StateTransitionReason codes of the MQ and Kafka guides)', () => {
  const cases = [
    [
      'FUNCTION_CONFIG_NOT_VALID',
      'Disabled by Lambda: the function configuration is not valid',
      /^Fix the function’s configuration .*then enable the mapping\.$/,
    ],
    [
      'ESM_CONFIG_NOT_VALID',
      'Disabled by Lambda: the mapping configuration is not valid',
      /^Edit the mapping to correct its configuration, then enable it\.$/,
    ],
    [
      'EVENT_SOURCE_AUTHN_ERROR',
      'Disabled by Lambda: Lambda could not authenticate with the event source',
      /Secrets Manager secret.*then enable the mapping\.$/,
    ],
    [
      'EVENT_SOURCE_AUTHZ_ERROR',
      'Disabled by Lambda: Lambda does not have the permissions it needs to access the event source',
      /execution role the permissions .*then enable the mapping\.$/,
    ],
  ] as const;
  for (const [code, summary, action] of cases) {
    it(`${code}: says what it means and what to do`, () => {
      const health = classify({ State: 'Disabled', StateTransitionReason: code }, {}, MQ);
      expect(health).toMatchObject({ class: 'disabled-by-lambda', reasonCode: code, summary });
      expect(health.action).toMatch(action);
    });
  }

  it('needs State Disabled: while Disabling it is transitional', () => {
    const health = classify(
      {
        State: 'Disabling',
        StateTransitionReason: 'ESM_CONFIG_NOT_VALID',
        LastModified: minutesAgo(1),
      },
      {},
      MQ,
    );
    expect(health.class).toBe('transitional');
  });

  it('outranks a PROBLEM: result recorded before the disable', () => {
    const health = classify(
      {
        State: 'Disabled',
        StateTransitionReason: 'EVENT_SOURCE_AUTHN_ERROR',
        LastProcessingResult: 'PROBLEM: SASL authentication failed.',
      },
      {},
      MQ,
    );
    expect(health.class).toBe('disabled-by-lambda');
  });

  it('treats "Lambda initiated" and other reason codes as Lambda’s', () => {
    expect(
      classify({ State: 'Disabled', StateTransitionReason: 'Lambda initiated' }, {}, MQ),
    ).toMatchObject({ class: 'disabled-by-lambda', reasonCode: 'Lambda initiated' });
    const health = classify({ State: 'Disabled', StateTransitionReason: 'STREAM_EXPIRED' }, {}, MQ);
    expect(health).toMatchObject({
      class: 'disabled-by-lambda',
      reasonCode: 'STREAM_EXPIRED',
      summary: 'Disabled by Lambda (STREAM_EXPIRED)',
    });
    expect(health.action).toMatch(/fix it, then enable the mapping/);
  });

  it('for DocumentDB, says to create a new mapping with a starting position (change stream expired)', () => {
    const health = classify(
      { State: 'Disabled', StateTransitionReason: 'CHANGE_STREAM_EXPIRED' },
      {},
      DOCDB,
    );
    expect(health.class).toBe('disabled-by-lambda');
    expect(health.action).toMatch(/change stream events .* expired: create a new mapping/);
  });
});

describe('disabled by the user', () => {
  it('User action (streams), USER_INITIATED (queues, Kafka, MQ) and no reason', () => {
    expect(classify({ State: 'Disabled', StateTransitionReason: 'User action' })).toEqual({
      class: 'disabled-by-user',
      summary: 'Disabled by a user',
      action: 'Enable the mapping to resume processing.',
    });
    expect(
      classify({ State: 'Disabled', StateTransitionReason: 'USER_INITIATED' }, {}, MQ).class,
    ).toBe('disabled-by-user');
    expect(classify({ State: 'Disabled', StateTransitionReason: undefined }, {}, MQ)).toMatchObject(
      {
        class: 'disabled-by-user',
        summary: 'Disabled',
      },
    );
  });

  it('ranks below a PROBLEM: result (which may say why it was disabled)', () => {
    expect(
      classify({
        State: 'Disabled',
        StateTransitionReason: 'User action',
        LastProcessingResult: 'PROBLEM: Function call failed',
      }).class,
    ).toBe('problem');
  });
});

describe('stuck and transitional', () => {
  it(`is stuck after ${STUCK_AFTER_MS / 60_000} minutes in a transitional state`, () => {
    expect(STUCK_AFTER_MS).toBe(30 * 60_000);
    const health = classify({ State: 'Updating', LastModified: minutesAgo(95) });
    expect(health).toMatchObject({ class: 'stuck', summary: 'Stuck: Updating for 1 h 35 min' });
    expect(health.action).toMatch(/if the mapping stays Updating, contact AWS Support/);
    expect(classify({ State: 'Creating', LastModified: minutesAgo(29) })).toEqual({
      class: 'transitional',
      summary: 'Creating: Lambda is applying a change',
    });
  });

  it('covers every transitional state, and only those', () => {
    for (const State of ['Creating', 'Enabling', 'Disabling', 'Updating', 'Deleting']) {
      expect(classify({ State, LastModified: minutesAgo(31) }).class).toBe('stuck');
    }
    for (const State of ['Enabled', 'Disabled']) {
      expect(classify({ State, LastModified: minutesAgo(600) }).class).not.toBe('stuck');
    }
  });

  it('takes stuckAfterMs from the caller, and never calls a mapping without LastModified stuck', () => {
    expect(
      classify({ State: 'Deleting', LastModified: minutesAgo(6) }, { stuckAfterMs: 5 * 60_000 })
        .class,
    ).toBe('stuck');
    expect(classify({ State: 'Deleting', LastModified: undefined }).class).toBe('transitional');
  });

  it('stuck outranks a problem; a problem outranks a fresh transition', () => {
    const problem = { LastProcessingResult: 'PROBLEM: Function call failed' };
    expect(classify({ ...problem, State: 'Updating', LastModified: minutesAgo(45) }).class).toBe(
      'stuck',
    );
    expect(classify({ ...problem, State: 'Updating', LastModified: minutesAgo(1) }).class).toBe(
      'problem',
    );
  });
});

describe('problem: the cause from LastProcessingResult', () => {
  const cases: ReadonlyArray<readonly [string, ProblemCause]> = [
    // Lambda developer guide (update-event-source-mapping example, streams).
    ['PROBLEM: Function call failed', 'function-error'],
    // Kafka troubleshooting guide, "Authentication and authorization errors".
    ['PROBLEM: Cluster failed to authorize Lambda.', 'auth'],
    ['PROBLEM: SASL authentication failed.', 'auth'],
    ['PROBLEM: Server failed to authenticate Lambda.', 'auth'],
    ['PROBLEM: Lambda failed to authenticate server.', 'auth'],
    ['PROBLEM: Provided certificate or private key is invalid.', 'auth'],
    // AWS Knowledge Center, Lambda triggers polling MSK and self-managed Kafka.
    ['PROBLEM: Lambda failed to assume your function execution role.', 'auth'],
    [
      'PROBLEM: Connection error. Your event source VPC must be able to connect to Lambda and STS.',
      'network',
    ],
    [
      'PROBLEM: Connection error. Your VPC must be able to connect to Lambda and STS, as well as Secrets Manager if authentication is required.',
      'network',
    ],
    [
      'PROBLEM: Connection error. Please check your event source connection configuration.',
      'network',
    ],
    // Kafka's error text in the ESM system log; security groups blocking the brokers.
    ['PROBLEM: Not authorized to access topics: [my-topic]', 'auth'],
    [
      'PROBLEM: Connection timed out. Check the subnets and security group of the cluster.',
      'network',
    ],
    // Orphans (hashicorp/terraform#4089) and other deleted resources.
    ['PROBLEM: Function not found', 'not-found'],
    [
      'PROBLEM: Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders',
      'not-found',
    ],
    ['PROBLEM: Topic does not exist', 'not-found'],
    // Lambda's throttling error (TooManyRequestsException, "Rate Exceeded.").
    [
      'PROBLEM: Function invocation was throttled (TooManyRequestsException: Rate Exceeded.)',
      'throttled',
    ],
    ['PROBLEM: Lambda internal error. Please contact Lambda customer support.', 'other'],
  ];
  for (const [text, cause] of cases) {
    it(`${text} → ${cause}`, () => {
      const health = classify({ LastProcessingResult: text }, {}, MQ);
      expect(health).toMatchObject({ class: 'problem', cause });
      expect(health.summary).toBe(
        `Problem (${PROBLEM_CAUSE_LABELS[cause].toLowerCase()}): ${text.slice('PROBLEM: '.length)}`,
      );
      expect(health.action).toBeTruthy();
    });
  }

  it('says to re-point or delete when the function is not found', () => {
    expect(classify({ LastProcessingResult: 'PROBLEM: Function not found' }).action).toBe(
      'The function my-function may have been deleted: re-point the mapping to an existing function, or delete it.',
    );
  });

  it('problemCauseOf is "other" for text it does not know', () => {
    expect(problemCauseOf('Something unusual happened')).toBe('other');
  });

  it('is not a problem without the PROBLEM: prefix', () => {
    for (const LastProcessingResult of ['OK', 'No records processed', undefined]) {
      expect(classify({ LastProcessingResult }).class).toBe('healthy');
    }
  });

  it('FilterCriteriaError (a KMS exception) is a problem', () => {
    const health = classify(
      {
        FilterCriteriaError: {
          ErrorCode: 'AccessDeniedException',
          Message: 'Lambda was unable to decrypt your filter criteria using the KMS key.',
        },
      },
      {},
      KINESIS,
    );
    expect(health).toMatchObject({ class: 'problem', cause: 'auth' });
    expect(health.action).toMatch(/KMSKeyArn/);
  });

  it('a Lambda reason code on a mapping that is not Disabled means processing stopped', () => {
    expect(
      classify({ State: 'Enabled', StateTransitionReason: 'EVENT_SOURCE_AUTHZ_ERROR' }, {}, MQ),
    ).toMatchObject({
      class: 'problem',
      cause: 'auth',
      summary:
        'Problem: Lambda stopped processing because Lambda does not have the permissions it needs to access the event source (EVENT_SOURCE_AUTHZ_ERROR)',
    });
  });
});

describe('healthy', () => {
  it('Enabled with OK, No records processed, or (SQS) no result', () => {
    expect(classify({})).toEqual({ class: 'healthy', summary: 'Enabled: OK' });
    expect(classify({ State: 'Enabled', StateTransitionReason: 'USER_INITIATED' }, {}, MQ)).toEqual(
      { class: 'healthy', summary: 'Enabled: No records processed' },
    );
    expect(
      classify({
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
        LastProcessingResult: undefined,
      }),
    ).toEqual({ class: 'healthy', summary: 'Enabled' });
  });
});
