/**
 * The identity pool's IAM roles as the emulator enforces them: credentials issued by
 * GetCredentialsForIdentity carry the authenticated or the guest role, and each Lambda request
 * signed with them is checked against that role's allowed actions (the same lists as the real
 * stack's roles in `infra/lib/console-stack.ts`). The static `test`/`test` pair is not a role
 * and may do everything.
 */
import { LambdaError } from './errors.ts';

/**
 * Lambda actions of the signed-in role: mapping CRUD and list, and the function reads (list,
 * configuration, versions, aliases).
 */
export const AUTHENTICATED_ACTIONS: ReadonlySet<string> = new Set([
  'lambda:CreateEventSourceMapping',
  'lambda:GetEventSourceMapping',
  'lambda:UpdateEventSourceMapping',
  'lambda:DeleteEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
]);

/** The read-only subset granted to guests (unauthenticated identities). */
export const GUEST_ACTIONS: ReadonlySet<string> = new Set([
  'lambda:GetEventSourceMapping',
  'lambda:ListEventSourceMappings',
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

const API = '2015-03-31';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

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

/**
 * Works out which Lambda action a request calls, from its method and raw path, the way IAM sees
 * it (Service Authorization Reference, "Actions defined by AWS Lambda").
 * @param method HTTP method.
 * @param url raw request target (percent-encoded path plus query).
 * @param region region of the SigV4 credential scope.
 * @param accountId the emulated account (12 digits).
 * @returns the action and resource, or `undefined` for a path that is no known operation (the
 *   router then answers `UnknownOperationException`).
 */
export function requestedAction(
  method: string,
  url: string,
  region: string,
  accountId: string,
): RequestedAction | undefined {
  const [rawPath = '', rawQuery = ''] = url.split('?', 2);
  const segments = rawPath.split('/').filter(Boolean).map(decode);
  if (segments[0] !== API) return undefined;
  const [, collection, id, sub] = segments;
  const qualifier = new URLSearchParams(rawQuery).get('Qualifier') ?? undefined;
  if (collection === 'event-source-mappings') {
    if (id === undefined) {
      if (method === 'GET') return { action: 'lambda:ListEventSourceMappings', resource: '*' };
      if (method === 'POST') return { action: 'lambda:CreateEventSourceMapping', resource: '*' };
      return undefined;
    }
    const resource = `arn:aws:lambda:${region}:${accountId}:event-source-mapping:${id}`;
    if (sub !== undefined) return undefined;
    if (method === 'GET') return { action: 'lambda:GetEventSourceMapping', resource };
    if (method === 'PUT') return { action: 'lambda:UpdateEventSourceMapping', resource };
    if (method === 'DELETE') return { action: 'lambda:DeleteEventSourceMapping', resource };
    return undefined;
  }
  if (collection === 'functions' && method === 'GET') {
    if (id === undefined) return { action: 'lambda:ListFunctions', resource: '*' };
    const resource = functionArn(id, qualifier, region, accountId);
    if (sub === 'configuration') return { action: 'lambda:GetFunctionConfiguration', resource };
    if (sub === undefined) return { action: 'lambda:GetFunction', resource };
    // Resource type `function` (Service Authorization Reference); these list the whole function.
    const unqualified = functionArn(id, undefined, region, accountId);
    if (sub === 'versions' && segments.length === 4) {
      return { action: 'lambda:ListVersionsByFunction', resource: unqualified };
    }
    if (sub === 'aliases' && segments.length === 4) {
      return { action: 'lambda:ListAliases', resource: unqualified };
    }
  }
  return undefined;
}

/**
 * Checks that a role may call an action, as IAM does before Lambda sees the request.
 * @param role `authenticated` or `guest`.
 * @param guestAccess what the guest role may do.
 * @param requested the action and resource (from {@link requestedAction}); `undefined` passes.
 * @param principalArn the caller, e.g.
 *   `arn:aws:sts::123456789012:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials`.
 * @throws LambdaError (403) `AccessDeniedException` with IAM's implicit-deny message
 *   (`User: <arn> is not authorized to perform: <action> on resource: <arn> because no
 *   identity-based policy allows the <action> action`).
 */
export function authorizeRole(
  role: keyof typeof ROLE_NAMES,
  guestAccess: GuestAccess,
  requested: RequestedAction | undefined,
  principalArn: string,
): void {
  if (requested === undefined) return;
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
