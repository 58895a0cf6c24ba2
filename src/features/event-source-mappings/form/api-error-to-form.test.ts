import {
  InvalidParameterValueException,
  LambdaServiceException,
  ResourceConflictException,
  ResourceInUseException,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';

import { apiErrorToForm, fieldForAwsMember } from './api-error-to-form';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'req-1', attempts: 1 });

const invalid = (message: string) =>
  new InvalidParameterValueException({ message, $metadata: metadata(400), Type: 'User' });
const validation = (message: string) =>
  new LambdaServiceException({
    name: 'ValidationException',
    $fault: 'client',
    message,
    $metadata: metadata(400),
  });

describe('field attribution of real AWS messages (reference §3.2, §4.2)', () => {
  it.each([
    [
      validation(
        "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000",
      ),
      'BatchSize',
      'BatchSize must be at most 10,000; enter a smaller value.',
    ],
    [
      validation(
        "1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]",
      ),
      'StartingPosition',
      'Choose StartingPosition from: LATEST, AT_TIMESTAMP, TRIM_HORIZON.',
    ],
    [
      invalid(
        "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
      ),
      'StartingPosition',
      'StartingPosition is required; enter a value.',
    ],
    [
      validation(
        "1 validation error detected: Value '0' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 2",
      ),
      'ScalingConfig.MaximumConcurrency',
      'ScalingConfig.MaximumConcurrency must be at least 2; enter a larger value.',
    ],
    [
      invalid(
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      ),
      'MaximumBatchingWindowInSeconds',
      'SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second; set a window of 1–300 seconds, or lower BatchSize to 10.',
    ],
    [
      invalid(
        "Unsupported 'maximumBatchingWindowInSeconds' parameter for given event source mapping type.",
      ),
      'MaximumBatchingWindowInSeconds',
      'This source type does not accept maximumBatchingWindowInSeconds; clear it.',
    ],
    [
      invalid('Unsupported DestinationConfig parameter for given event source mapping type.'),
      'DestinationConfig.OnFailure.Destination',
      'This source type does not support an on-failure destination; clear it (only Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka have one).',
    ],
    [
      invalid(
        'Unsupported starting position for arn type: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-06-10T19:26:16.525',
      ),
      'StartingPosition',
      expect.stringMatching(/choose TRIM_HORIZON or LATEST/),
    ],
    [
      invalid('Need to specify a timestamp'),
      'StartingPositionTimestamp',
      expect.stringMatching(/^Enter StartingPositionTimestamp/),
    ],
    [
      invalid(
        'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
      ),
      'MaximumRecordAgeInSeconds',
      'MaximumRecordAgeInSeconds must be -1 (infinite) or 60–604,800 seconds; change the value.',
    ],
    [
      invalid('Maximum batch size must be between 1 and 10 inclusive'),
      'BatchSize',
      'BatchSize must be between 1 and 10 for this source; change it.',
    ],
    [
      invalid('Invalid filter pattern definition.'),
      'FilterCriteria.Filters',
      expect.stringMatching(/JSON object/),
    ],
    [
      invalid('Function does not exist'),
      'FunctionName',
      expect.stringMatching(/No function with this name/),
    ],
    [
      invalid('Unrecognized event source.'),
      'EventSourceArn',
      expect.stringMatching(/does not recognise/),
    ],
    [
      invalid('Stream not found: arn:aws:kinesis:us-east-1:123456789012:stream/missing'),
      'EventSourceArn',
      'This stream does not exist (or is in another account or Region); check the ARN.',
    ],
    [
      invalid(
        'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.',
      ),
      'EventSourceArn',
      'This queue does not exist (or is in another account or Region); check the ARN.',
    ],
    [
      invalid("Required 'sourceAccessConfigurations' parameter is missing."),
      'SourceAccessConfigurations',
      expect.stringMatching(/^Add an authentication entry/),
    ],
    [
      invalid('The Destination field is required for an OnFailure configuration.'),
      'DestinationConfig.OnFailure.Destination',
      'Enter the on-failure destination ARN, or remove the destination.',
    ],
    [
      invalid('Batching window is not supported for FIFO queues'),
      'MaximumBatchingWindowInSeconds',
      expect.stringMatching(/FIFO queues do not support a batching window/),
    ],
  ])('%s → %s', (error, field, message) => {
    const mapped = apiErrorToForm(error);
    expect(mapped).toMatchObject({ kind: 'invalid', field, message });
    expect(mapped.fieldErrors[0]).toEqual({ field, message });
    expect(mapped.awsMessage).toBe(error.message);
    expect(mapped.awsErrorName).toBe(error.name);
  });

  it('several validation errors → one field error each, in order', () => {
    const mapped = apiErrorToForm(
      validation(
        "2 validation errors detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300",
      ),
    );
    expect(mapped.field).toBe('BatchSize');
    expect(mapped.fieldErrors).toEqual([
      { field: 'BatchSize', message: 'BatchSize must be at least 1; enter a larger value.' },
      {
        field: 'MaximumBatchingWindowInSeconds',
        message: 'MaximumBatchingWindowInSeconds must be at most 300; enter a smaller value.',
      },
    ]);
  });

  it('a value containing quotes and semicolons does not confuse the parser', () => {
    const mapped = apiErrorToForm(
      validation(
        "1 validation error detected: Value 'my fn;x' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?...",
      ),
    );
    expect(mapped.field).toBe('FunctionName');
    expect(mapped.message).toMatch(/not in a format AWS accepts/);
  });

  it('an unattributable InvalidParameterValueException stays form-level with AWS’s text', () => {
    const mapped = apiErrorToForm(invalid('Something else went wrong.'));
    expect(mapped).toMatchObject({ kind: 'invalid', fieldErrors: [] });
    expect(mapped.field).toBeUndefined();
    expect(mapped.message).toBe(
      'Lambda refused the request: Something else went wrong. Change the settings it names and try again.',
    );
  });

  it.each([
    'The provided execution role cannot be assumed by Lambda.',
    'The function execution role does not have permissions to call ReceiveMessage on SQS',
    'Please ensure the role can perform the kafka:DescribeCluster action on your cluster.',
  ])('execution-role problems are form-level “permissions”: %s', (message) => {
    const mapped = apiErrorToForm(invalid(message));
    expect(mapped.kind).toBe('permissions');
    expect(mapped.field).toBeUndefined();
  });
});

describe('fieldForAwsMember', () => {
  it.each([
    ['batchSize', 'BatchSize'],
    ['functionName', 'FunctionName'],
    ['eventSourceArn', 'EventSourceArn'],
    ['topics', 'Topics.0'],
    ['queues.1.member', 'Queues.0'],
    ['sourceAccessConfigurations', 'SourceAccessConfigurations'],
    ['sourceAccessConfigurations.2.member.uRI', 'SourceAccessConfigurations.1.URI'],
    ['sourceAccessConfigurations.1.member.type', 'SourceAccessConfigurations.0.Type'],
    ['filterCriteria.filters.3.member.pattern', 'FilterCriteria.Filters.2.Pattern'],
    ['filterCriteria', 'FilterCriteria.Filters'],
    ['destinationConfig.onFailure.destination', 'DestinationConfig.OnFailure.Destination'],
    [
      'selfManagedEventSource.endpoints',
      'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS',
    ],
    [
      'amazonManagedKafkaEventSourceConfig.consumerGroupId',
      'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId',
    ],
    ['documentDBEventSourceConfig.collectionName', 'DocumentDBEventSourceConfig.CollectionName'],
    ['documentDBEventSourceConfig.databaseName', 'DocumentDBEventSourceConfig.DatabaseName'],
    ['marker', undefined],
    ['tags', undefined],
  ])('%s → %s', (member, field) => {
    expect(fieldForAwsMember(member)).toBe(field);
  });
});

describe('ResourceConflictException', () => {
  it.each([
    [
      'SQS',
      'An event source mapping with SQS arn (" arn:aws:sqs:us-east-1:123456789012:orders ") and function (" my-function ") already exists. Please update or delete the existing mapping with UUID 2a7c2d4e-9d3b-4c1e-8f5a-0b6c7d8e9f01',
    ],
    [
      'Kinesis',
      'The event source arn (" arn:aws:kinesis:us-east-1:123456789012:stream/orders ") and function (" my-function ") provided mapping already exists. Please update or delete the existing mapping with UUID 2A7C2D4E-9D3B-4C1E-8F5A-0B6C7D8E9F01',
    ],
    [
      'self-managed Kafka',
      'An event source mapping with event source ("b-1.example.com:9092"), function ("arn:aws:lambda:us-east-1:123456789012:function:my-function"), topics ("orders") already exists. Please update or delete the existing mapping with UUID 2a7c2d4e-9d3b-4c1e-8f5a-0b6c7d8e9f01',
    ],
  ])('%s duplicate → existingUuid from AWS’s message', (_, message) => {
    const mapped = apiErrorToForm(
      new ResourceConflictException({ message, $metadata: metadata(409), Type: 'User' }),
    );
    expect(mapped).toMatchObject({
      kind: 'conflict',
      existingUuid: '2a7c2d4e-9d3b-4c1e-8f5a-0b6c7d8e9f01',
      message:
        'A mapping between this event source and function already exists (UUID 2a7c2d4e-9d3b-4c1e-8f5a-0b6c7d8e9f01). Open it to change its settings, or delete it before creating another.',
    });
    expect(mapped.field).toBeUndefined();
    expect(mapped.retryWhenSettled).toBeUndefined();
  });

  it('a conflict without a UUID (operation in progress) offers to retry when settled', () => {
    const mapped = apiErrorToForm(
      new ResourceConflictException({
        message: 'An update is already in progress.',
        $metadata: metadata(409),
      }),
    );
    expect(mapped).toMatchObject({ kind: 'conflict', retryWhenSettled: true });
    expect(mapped.existingUuid).toBeUndefined();
  });
});

describe('other exceptions', () => {
  it('ResourceInUseException → wait and retry when the mapping settles', () => {
    const mapped = apiErrorToForm(
      new ResourceInUseException({
        Message: 'Cannot update the event source mapping because it is in use.',
        message: 'Cannot update the event source mapping because it is in use.',
        $metadata: metadata(400),
      }),
    );
    expect(mapped).toMatchObject({ kind: 'in-use', retryWhenSettled: true, fieldErrors: [] });
    expect(mapped.message).toMatch(/Wait until its state settles/);
    expect(mapped.field).toBeUndefined();
  });

  it('ResourceNotFoundException for the mapping → form-level not-found', () => {
    const mapped = apiErrorToForm(
      new ResourceNotFoundException({
        message: 'The resource you requested does not exist.',
        $metadata: metadata(404),
      }),
    );
    expect(mapped).toMatchObject({ kind: 'not-found', fieldErrors: [] });
    expect(mapped.field).toBeUndefined();
  });

  it('ResourceNotFoundException for the function → FunctionName', () => {
    const mapped = apiErrorToForm(
      new ResourceNotFoundException({
        message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope',
        $metadata: metadata(404),
      }),
    );
    expect(mapped).toMatchObject({ kind: 'not-found', field: 'FunctionName' });
  });

  it.each([
    ['3', 3, 'Lambda is limiting the request rate. Wait 3 seconds and try again.'],
    ['1', 1, 'Lambda is limiting the request rate. Wait 1 second and try again.'],
    [undefined, undefined, 'Lambda is limiting the request rate. Wait a moment and try again.'],
  ])('TooManyRequestsException Retry-After %s', (header, seconds, message) => {
    const mapped = apiErrorToForm(
      new TooManyRequestsException({
        message: 'Rate exceeded',
        $metadata: metadata(429),
        ...(header !== undefined ? { retryAfterSeconds: header } : {}),
      }),
    );
    expect(mapped).toMatchObject({ kind: 'throttled', message });
    expect(mapped.retryAfterSeconds).toBe(seconds);
  });

  it('ServiceException → service', () => {
    expect(
      apiErrorToForm(new ServiceException({ message: 'boom', $metadata: metadata(500) })).kind,
    ).toBe('service');
  });

  it('AccessDeniedException names the Lambda action', () => {
    const mapped = apiErrorToForm(
      new LambdaServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: metadata(403),
        message:
          'User: arn:aws:sts::123456789012:assumed-role/console/CognitoIdentityCredentials is not authorized to perform: lambda:CreateEventSourceMapping on resource: * because no identity-based policy allows the lambda:CreateEventSourceMapping action',
      }),
    );
    expect(mapped).toMatchObject({ kind: 'access-denied' });
    expect(mapped.message).toMatch(/call lambda:CreateEventSourceMapping/);
  });

  it.each(['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException'])(
    '%s → credentials',
    (name) => {
      expect(
        apiErrorToForm(
          new LambdaServiceException({
            name,
            $fault: 'client',
            $metadata: metadata(403),
            message: 'The security token included in the request is invalid.',
          }),
        ).kind,
      ).toBe('credentials');
    },
  );

  it.each([
    [409, 'conflict'],
    [429, 'throttled'],
    [404, 'not-found'],
    [403, 'access-denied'],
    [503, 'service'],
    [400, 'invalid'],
  ] as const)('a hidden error type (“Unknown”) with status %i → %s', (status, kind) => {
    const error = new LambdaServiceException({
      name: 'Unknown',
      $fault: 'client',
      $metadata: metadata(status),
      message: 'UnknownError',
    });
    expect(apiErrorToForm(error).kind).toBe(kind);
  });

  it('fetch failure (no response) → network', () => {
    // The console's one narrowing (toAwsError) names it NetworkError and says what to check.
    expect(apiErrorToForm(new TypeError('Failed to fetch'))).toMatchObject({
      kind: 'network',
      awsErrorName: 'NetworkError',
      awsMessage: expect.stringContaining('Failed to fetch'),
    });
  });

  it('plain objects and non-errors are handled', () => {
    expect(
      apiErrorToForm({
        name: 'InvalidParameterValueException',
        message: 'Function does not exist',
      }),
    ).toMatchObject({
      kind: 'invalid',
      field: 'FunctionName',
    });
    expect(apiErrorToForm('boom')).toMatchObject({
      kind: 'unknown',
      message: 'The request failed: boom.',
    });
  });
});
