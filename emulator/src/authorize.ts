/**
 * The identity pool's IAM roles as the emulator enforces them: credentials issued by
 * GetCredentialsForIdentity carry the authenticated or the guest role, and each Lambda request
 * signed with them is checked against that role's allowed actions (the same lists as the real
 * stack's roles in `infra/lib/console-stack.ts`). The static `test`/`test` pair is not a role
 * and may do every named action.
 *
 * The action comes from the route the router matched, never from a second reading of the raw
 * URL: each Lambda route declares it in its fastify route `config` ({@link iam}), and
 * {@link installLambdaAuthorization} refuses to register a Lambda route without one and answers
 * `AccessDeniedException` for any request whose action it cannot name (fail closed).
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { IssuedCredentials } from './domain/cognito.ts';
import { LambdaError } from './errors.ts';

/**
 * Lambda actions of the signed-in role: mapping CRUD and list, the mappings' tags (tag, untag,
 * list), and the function reads (list, configuration, versions, aliases).
 */
export const AUTHENTICATED_ACTIONS: ReadonlySet<string> = new Set([
  'lambda:CreateEventSourceMapping',
  'lambda:GetEventSourceMapping',
  'lambda:UpdateEventSourceMapping',
  'lambda:DeleteEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:TagResource',
  'lambda:UntagResource',
  'lambda:ListTags',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
]);

/** The read-only subset granted to guests (unauthenticated identities; tags: ListTags only). */
export const GUEST_ACTIONS: ReadonlySet<string> = new Set([
  'lambda:GetEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:ListTags',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
]);

/**
 * What the guest role may do: `read-only` (the real stack's guest role, {@link GUEST_ACTIONS}) or
 * `read-write` (the signed-in role's actions; a local escape hatch for flows that write as a
 * guest).
 */
export type GuestAccess = 'read-only' | 'read-write';

/** Role names used in the assumed-role ARNs of issued credentials. */
export const ROLE_NAMES = {
  authenticated: 'EsmConsoleAuthenticatedRole',
  guest: 'EsmConsoleGuestRole',
} as const;

/** The IAM action a Lambda request needs and the resource it acts on. */
export interface RequestedAction {
  /** e.g. `lambda:UpdateEventSourceMapping`. */
  action: string;
  /** ARN of the resource, or `*` for actions without a resource type. */
  resource: string;
}

/**
 * Where the IAM resource of a route's action comes from (Service Authorization Reference,
 * "Actions defined by AWS Lambda", resource types `eventSourceMapping` and `function`):
 * - `*`: the action has no resource type (ListEventSourceMappings, ListFunctions, Create…);
 * - `event-source-mapping`: the `UUID` path label;
 * - `function`: the `FunctionName` path label, qualified by the `Qualifier` query member;
 * - `function-unqualified`: the `FunctionName` path label's function, without qualifier
 *   (ListVersionsByFunction, ListAliases act on the whole function);
 * - `{ arnLabel }`: a path label that is itself the resource's ARN (the tag operations'
 *   `{ARN}`).
 */
export type LambdaResource =
  '*' | 'event-source-mapping' | 'function' | 'function-unqualified' | { arnLabel: string };

/** The IAM action a Lambda route calls, as it declares it in its route `config`. */
export interface LambdaRouteAction {
  /** e.g. `lambda:GetEventSourceMapping`. */
  action: `lambda:${string}`;
  resource: LambdaResource;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** IAM action of a Lambda API route ({@link iam}); required on every Lambda route. */
    lambdaAction?: LambdaRouteAction;
  }
}

/**
 * The route `config` that declares a Lambda route's IAM action; the one place a route names what
 * IAM checks, e.g. `lambda.get(path, { config: iam('lambda:ListFunctions') }, handler)`.
 * @param action the action, e.g. `lambda:TagResource`.
 * @param resource where its resource ARN comes from (default `*`).
 */
export function iam(
  action: `lambda:${string}`,
  resource: LambdaResource = '*',
): { lambdaAction: LambdaRouteAction } {
  return { lambdaAction: { action, resource } };
}

/** Lambda API paths: `/<API version>/…` (2015-03-31 for most, 2017-03-31 for tags). */
const LAMBDA_PATH = /^\/\d{4}-\d{2}-\d{2}\//;

/** A function ARN from a FunctionName path label (name, partial ARN or ARN) and a qualifier. */
function functionArn(
  label: string,
  qualifier: string | undefined,
  region: string,
  accountId: string,
): string {
  let arn: string;
  if (label.startsWith('arn:')) arn = label;
  else {
    const parts = label.split(':');
    // `123456789012:function:name[:qualifier]` or `name[:qualifier]`.
    arn =
      parts.length >= 3 && /^\d{12}$/.test(parts[0] ?? '')
        ? `arn:aws:lambda:${region}:${label}`
        : `arn:aws:lambda:${region}:${accountId}:function:${label}`;
  }
  return qualifier !== undefined && qualifier !== '' ? `${arn}:${qualifier}` : arn;
}

/** Drops a `:qualifier` from a function ARN (`…:function:name:live` → `…:function:name`). */
function unqualified(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}

function stringOf(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The action and resource of a request, from the route the router matched (its `config`) and
 * the path labels and query members the router decoded for the handler.
 * @param request a request routed to a Lambda route.
 * @param region region of the SigV4 credential scope.
 * @param accountId the emulated account (12 digits).
 * @returns the action and resource, or `undefined` when the route names no action.
 */
export function routeAction(
  request: FastifyRequest,
  region: string,
  accountId: string,
): RequestedAction | undefined {
  const declared = request.routeOptions.config.lambdaAction;
  if (declared === undefined) return undefined;
  const { action, resource } = declared;
  const label = (name: string): string => stringOf(request.params, name) ?? '';
  switch (resource) {
    case '*':
      return { action, resource: '*' };
    case 'event-source-mapping':
      return {
        action,
        resource: `arn:aws:lambda:${region}:${accountId}:event-source-mapping:${label('UUID')}`,
      };
    case 'function':
      return {
        action,
        resource: functionArn(
          label('FunctionName'),
          stringOf(request.query, 'Qualifier'),
          region,
          accountId,
        ),
      };
    case 'function-unqualified':
      return {
        action,
        resource: unqualified(functionArn(label('FunctionName'), undefined, region, accountId)),
      };
    default:
      return { action, resource: label(resource.arnLabel) };
  }
}

/**
 * Checks that a role may call an action, as IAM does before Lambda sees the request.
 * @param role `authenticated` or `guest`.
 * @param guestAccess what the guest role may do.
 * @param requested the action and resource (from {@link routeAction}).
 * @param principalArn the caller, e.g.
 *   `arn:aws:sts::123456789012:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials`.
 * @throws LambdaError (403) `AccessDeniedException` with IAM's implicit-deny message
 *   (`User: <arn> is not authorized to perform: <action> on resource: <arn> because no
 *   identity-based policy allows the <action> action`).
 */
export function authorizeRole(
  role: keyof typeof ROLE_NAMES,
  guestAccess: GuestAccess,
  requested: RequestedAction,
  principalArn: string,
): void {
  const allowed =
    role === 'authenticated' || guestAccess === 'read-write'
      ? AUTHENTICATED_ACTIONS
      : GUEST_ACTIONS;
  if (allowed.has(requested.action)) return;
  throw new LambdaError(
    'AccessDeniedException',
    `User: ${principalArn} is not authorized to perform: ${requested.action} on resource: ${requested.resource} because no identity-based policy allows the ${requested.action} action`,
  );
}

/**
 * The assumed-role ARN of credentials issued by an identity pool (session name
 * `CognitoIdentityCredentials`, as Cognito's enhanced flow names it).
 * @param accountId 12-digit account id.
 * @param role `authenticated` or `guest`.
 */
export function assumedRoleArn(accountId: string, role: keyof typeof ROLE_NAMES): string {
  return `arn:aws:sts::${accountId}:assumed-role/${ROLE_NAMES[role]}/CognitoIdentityCredentials`;
}

/** What the authorization hook needs of the emulator. */
export interface AuthorizationContext {
  readonly accountId: string;
  /** What guest credentials may call (a live setting, read per request). */
  readonly guestAccess: GuestAccess;
  /** The credentials this pool issued under a key id; `undefined` for the static pair. */
  issued(accessKeyId: string): Pick<IssuedCredentials, 'role' | 'principalArn'> | undefined;
}

/**
 * Checks a request that passed the SigV4 check against its caller's role, with the action its
 * route declares.
 * @param request a request on a Lambda route, `request.caller` set by the SigV4 check.
 * @param context account, guest access and issued credentials.
 * @throws LambdaError (403) `AccessDeniedException` when the role may not call the action, when
 *   the route names no action (whoever calls), or when no verified caller is known.
 */
export function authorizeLambdaRequest(
  request: FastifyRequest,
  context: AuthorizationContext,
): void {
  const caller = request.caller;
  const issued = caller === undefined ? undefined : context.issued(caller.accessKeyId);
  const principal =
    issued?.principalArn ?? `arn:aws:iam::${context.accountId}:user/${caller?.accessKeyId ?? ''}`;
  const requested =
    caller === undefined ? undefined : routeAction(request, caller.region, context.accountId);
  if (requested === undefined) {
    // Fail closed: what cannot be named cannot be allowed.
    throw new LambdaError(
      'AccessDeniedException',
      `User: ${principal} is not authorized to perform this operation because no identity-based policy allows it`,
    );
  }
  if (issued !== undefined) authorizeRole(issued.role, context.guestAccess, requested, principal);
}

/**
 * Puts every Lambda API route (`/<API version>/…`) behind {@link authorizeLambdaRequest}: a
 * route-level `preHandler` (it runs after the Lambda plugin's SigV4 check). Call before the
 * Lambda routes are registered.
 * @param app the root fastify instance.
 * @param context account, guest access and issued credentials.
 * @throws Error at registration when a Lambda route declares no action in its `config`.
 */
export function installLambdaAuthorization(
  app: FastifyInstance,
  context: AuthorizationContext,
): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!LAMBDA_PATH.test(route.url)) return;
    if (route.config?.lambdaAction === undefined) {
      throw new Error(
        `Lambda route ${String(route.method)} ${route.url} declares no IAM action (config: iam(…))`,
      );
    }
    const check = async (request: FastifyRequest): Promise<void> =>
      authorizeLambdaRequest(request, context);
    const existing = route.preHandler;
    route.preHandler = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      check,
    ];
  });
}
