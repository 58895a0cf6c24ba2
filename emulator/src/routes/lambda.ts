/**
 * Lambda restJson1 routes (API version 2015-03-31, and 2017-03-31 for the tag operations;
 * reference §1.2). Thin handlers: decode the wire
 * input, model-validate path/query members, call the domain, serialise. Every route is behind the
 * SigV4 check (region = credential scope) and the test-only fault injection.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { iam } from '../authorize.ts';
import { LambdaError } from '../errors.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { defaultFaultMessage } from '../domain/faults.ts';
import {
  ALIAS_FUNCTION_NAME_SHAPE,
  ALIAS_FUNCTION_VERSION_SHAPE,
  FUNCTION_NAME_SHAPE,
  getFunctionConfiguration,
  listAliases,
  listFunctions,
  listVersionsByFunction,
} from '../domain/functions.ts';
import { ARN_PATTERN } from '../domain/mapping-rules.ts';
import { type Shape, validateModel } from '../domain/model-validation.ts';
import { verifySigV4 } from '../sigv4.ts';
import {
  callerRegion,
  parseJsonBody,
  queryParam,
  rawBody,
  sendJson,
  sendLambdaError,
} from './http.ts';

const MAX_ITEMS: Shape = { type: 'integer', min: 1, max: 10000 };

const LIST_MAPPINGS_SHAPE = {
  type: 'structure',
  members: {
    EventSourceArn: { type: 'string', pattern: ARN_PATTERN },
    FunctionName: FUNCTION_NAME_SHAPE,
    Marker: { type: 'string' },
    MaxItems: MAX_ITEMS,
  },
} as const satisfies Shape;

const LIST_FUNCTIONS_SHAPE = {
  type: 'structure',
  members: {
    MasterRegion: { type: 'string', pattern: 'ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}' },
    FunctionVersion: { type: 'string', enum: ['ALL'] },
    Marker: { type: 'string' },
    MaxItems: MAX_ITEMS,
  },
} as const satisfies Shape;

const GET_FUNCTION_SHAPE = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    FunctionName: FUNCTION_NAME_SHAPE,
    Qualifier: {
      type: 'string',
      min: 1,
      max: 128,
      pattern: '\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+',
    },
  },
} as const satisfies Shape;

const LIST_VERSIONS_SHAPE = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    FunctionName: FUNCTION_NAME_SHAPE,
    Marker: { type: 'string' },
    MaxItems: MAX_ITEMS,
  },
} as const satisfies Shape;

const LIST_ALIASES_SHAPE = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    FunctionName: ALIAS_FUNCTION_NAME_SHAPE,
    FunctionVersion: ALIAS_FUNCTION_VERSION_SHAPE,
    Marker: { type: 'string' },
    MaxItems: MAX_ITEMS,
  },
} as const satisfies Shape;

/**
 * Reads `MaxItems` from the query string.
 * @throws LambdaError `ValidationException` when it is not an integer (text unverified).
 */
function maxItemsParam(request: FastifyRequest): number | undefined {
  const raw = queryParam(request, 'MaxItems');
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) {
    throw new LambdaError(
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must be an integer`,
    );
  }
  return Number(raw);
}

/**
 * Every value of a repeated query member (`?tagKeys=a&tagKeys=b`), `undefined` when absent (a
 * list member the SDKs send once per item).
 */
function queryValues(request: FastifyRequest, name: string): string[] | undefined {
  const value = (request.query as Record<string, string | string[] | undefined>)[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/** Query/path members, dropping absent ones (absent ≠ empty string). */
function defined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * Registers the Lambda API routes, with and without trailing slash (router option).
 * @param app the fastify instance.
 * @param state the emulator state.
 */
export function registerLambdaRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.register(async (lambda) => {
    lambda.addHook('preHandler', async (request, reply) => {
      request.caller = await verifySigV4(
        {
          method: request.method,
          url: request.raw.url ?? request.url,
          headers: request.headers,
          body: rawBody(request),
        },
        (id) => state.credentialsFor(id),
        'lambda',
        Date.now(),
        { queryAuth: state.queryAuth },
      );
      const path = (request.raw.url ?? request.url).split('?')[0] ?? '';
      const fault = state.faults.take(request.method, path);
      if (fault) {
        return sendLambdaError(
          reply,
          fault.status,
          fault.errorType,
          defaultFaultMessage(fault.errorType),
        );
      }
      return undefined;
    });

    const mappings = state.mappings;

    lambda.post(
      '/2015-03-31/event-source-mappings',
      { config: iam('lambda:CreateEventSourceMapping') },
      async (request, reply) =>
        sendJson(reply, 202, mappings.create(callerRegion(request), parseJsonBody(request))),
    );

    lambda.get(
      '/2015-03-31/event-source-mappings',
      { config: iam('lambda:ListEventSourceMappings') },
      async (request, reply) => {
        const query = defined({
          EventSourceArn: queryParam(request, 'EventSourceArn'),
          FunctionName: queryParam(request, 'FunctionName'),
          Marker: queryParam(request, 'Marker'),
          MaxItems: maxItemsParam(request),
        });
        validateModel(query, LIST_MAPPINGS_SHAPE);
        const result = mappings.list(callerRegion(request), {
          ...(query.FunctionName !== undefined && { functionName: query.FunctionName as string }),
          ...(query.EventSourceArn !== undefined && {
            eventSourceArn: query.EventSourceArn as string,
          }),
          ...(query.Marker !== undefined && { marker: query.Marker as string }),
          ...(query.MaxItems !== undefined && { maxItems: query.MaxItems as number }),
        });
        return sendJson(reply, 200, result);
      },
    );

    lambda.get<{ Params: { UUID: string } }>(
      '/2015-03-31/event-source-mappings/:UUID',
      { config: iam('lambda:GetEventSourceMapping', 'event-source-mapping') },
      async (request, reply) =>
        sendJson(reply, 200, mappings.get(callerRegion(request), request.params.UUID)),
    );

    lambda.put<{ Params: { UUID: string } }>(
      '/2015-03-31/event-source-mappings/:UUID',
      { config: iam('lambda:UpdateEventSourceMapping', 'event-source-mapping') },
      async (request, reply) =>
        sendJson(
          reply,
          202,
          mappings.update(callerRegion(request), request.params.UUID, parseJsonBody(request)),
        ),
    );

    lambda.delete<{ Params: { UUID: string } }>(
      '/2015-03-31/event-source-mappings/:UUID',
      { config: iam('lambda:DeleteEventSourceMapping', 'event-source-mapping') },
      async (request, reply) =>
        sendJson(reply, 202, mappings.delete(callerRegion(request), request.params.UUID)),
    );

    // Tags (`/2017-03-31/tags/{ARN}`, model: TagResource 204, UntagResource 204, ListTags 200);
    // the IAM resource is the ARN itself. Only event-source-mapping ARNs are emulated.
    lambda.post<{ Params: { ARN: string } }>(
      '/2017-03-31/tags/:ARN',
      { config: iam('lambda:TagResource', { arnLabel: 'ARN' }) },
      async (request, reply) => {
        mappings.tagResource(callerRegion(request), request.params.ARN, parseJsonBody(request));
        return reply.code(204).send();
      },
    );

    lambda.delete<{ Params: { ARN: string } }>(
      '/2017-03-31/tags/:ARN',
      { config: iam('lambda:UntagResource', { arnLabel: 'ARN' }) },
      async (request, reply) => {
        mappings.untagResource(
          callerRegion(request),
          request.params.ARN,
          queryValues(request, 'tagKeys'),
        );
        return reply.code(204).send();
      },
    );

    lambda.get<{ Params: { ARN: string } }>(
      '/2017-03-31/tags/:ARN',
      { config: iam('lambda:ListTags', { arnLabel: 'ARN' }) },
      async (request, reply) =>
        sendJson(reply, 200, mappings.listTags(callerRegion(request), request.params.ARN)),
    );

    lambda.get(
      '/2015-03-31/functions',
      { config: iam('lambda:ListFunctions') },
      async (request, reply) => {
        const query = defined({
          MasterRegion: queryParam(request, 'MasterRegion'),
          FunctionVersion: queryParam(request, 'FunctionVersion'),
          Marker: queryParam(request, 'Marker'),
          MaxItems: maxItemsParam(request),
        });
        validateModel(query, LIST_FUNCTIONS_SHAPE);
        if (query.MasterRegion !== undefined && query.FunctionVersion !== 'ALL') {
          throw new LambdaError(
            'InvalidParameterValueException',
            'MasterRegion parameter requires FunctionVersion to be ALL.',
          );
        }
        const result = listFunctions(state.store, callerRegion(request), {
          allVersions: query.FunctionVersion === 'ALL',
          ...(query.MasterRegion !== undefined && { masterRegion: query.MasterRegion as string }),
          ...(query.Marker !== undefined && { marker: query.Marker as string }),
          ...(query.MaxItems !== undefined && { maxItems: query.MaxItems as number }),
        });
        return sendJson(reply, 200, result);
      },
    );

    const functionConfiguration = (
      request: FastifyRequest<{ Params: { FunctionName: string } }>,
    ): ReturnType<typeof getFunctionConfiguration> => {
      const input = defined({
        FunctionName: request.params.FunctionName,
        Qualifier: queryParam(request, 'Qualifier'),
      });
      validateModel(input, GET_FUNCTION_SHAPE);
      return getFunctionConfiguration(
        state.store,
        callerRegion(request),
        request.params.FunctionName,
        input.Qualifier as string | undefined,
      );
    };

    lambda.get<{ Params: { FunctionName: string } }>(
      '/2015-03-31/functions/:FunctionName/configuration',
      { config: iam('lambda:GetFunctionConfiguration', 'function') },
      async (request, reply) => sendJson(reply, 200, functionConfiguration(request)),
    );

    lambda.get<{ Params: { FunctionName: string } }>(
      '/2015-03-31/functions/:FunctionName/versions',
      { config: iam('lambda:ListVersionsByFunction', 'function-unqualified') },
      async (request, reply) => {
        const query = defined({
          FunctionName: request.params.FunctionName,
          Marker: queryParam(request, 'Marker'),
          MaxItems: maxItemsParam(request),
        });
        validateModel(query, LIST_VERSIONS_SHAPE);
        const result = listVersionsByFunction(
          state.store,
          callerRegion(request),
          request.params.FunctionName,
          {
            ...(query.Marker !== undefined && { marker: query.Marker as string }),
            ...(query.MaxItems !== undefined && { maxItems: query.MaxItems as number }),
          },
        );
        return sendJson(reply, 200, result);
      },
    );

    lambda.get<{ Params: { FunctionName: string } }>(
      '/2015-03-31/functions/:FunctionName/aliases',
      { config: iam('lambda:ListAliases', 'function-unqualified') },
      async (request, reply) => {
        const query = defined({
          FunctionName: request.params.FunctionName,
          FunctionVersion: queryParam(request, 'FunctionVersion'),
          Marker: queryParam(request, 'Marker'),
          MaxItems: maxItemsParam(request),
        });
        validateModel(query, LIST_ALIASES_SHAPE);
        const result = listAliases(
          state.store,
          callerRegion(request),
          request.params.FunctionName,
          {
            ...(query.FunctionVersion !== undefined && {
              functionVersion: query.FunctionVersion as string,
            }),
            ...(query.Marker !== undefined && { marker: query.Marker as string }),
            ...(query.MaxItems !== undefined && { maxItems: query.MaxItems as number }),
          },
        );
        return sendJson(reply, 200, result);
      },
    );

    lambda.get<{ Params: { FunctionName: string } }>(
      '/2015-03-31/functions/:FunctionName',
      { config: iam('lambda:GetFunction', 'function') },
      async (request, reply) => {
        const configuration = functionConfiguration(request);
        const region = callerRegion(request);
        return sendJson(reply, 200, {
          Configuration: configuration,
          Code: {
            RepositoryType: 'S3',
            // Shape of the real presigned URL (valid 10 min); nothing is served there.
            Location: `https://awslambda-${region}-tasks.s3.${region}.amazonaws.com/snapshots/${state.accountId}/${configuration.FunctionName}-${configuration.RevisionId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600`,
          },
        });
      },
    );
  });
}
