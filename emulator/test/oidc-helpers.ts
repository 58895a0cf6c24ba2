import { createHash, randomBytes } from 'node:crypto';

/** The console's client id at the local user pool. */
export const CLIENT_ID = 'esm-console-local';
/** A default redirect URI of the console client (`npm run dev` origin). */
export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
/** Default test user. */
export const TEST_USER = { username: 'alice@example.com', password: 'Passw0rd!' };

/** Token endpoint response. */
export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** A minimal cookie jar: name → value, sent on every request to the emulator. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';', 1);
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A browser-like session against one emulator: cookies kept, redirects followed by hand. */
export class BrowserSession {
  readonly jar = new CookieJar();

  constructor(readonly endpoint: string) {}

  /** One request (no automatic redirect), with and into the cookie jar. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const absolute = new URL(url, this.endpoint);
    const res = await fetch(absolute, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.jar.header() },
    });
    this.jar.store(res);
    return res;
  }

  /**
   * Follows redirects from `url` until one leaves the emulator's origin (e.g. to the console's
   * redirect URI) or a page is answered.
   * @returns the last response and the URL it came from, or the external Location.
   */
  async follow(url: string): Promise<{ res?: Response; url: string }> {
    let current = new URL(url, this.endpoint).href;
    for (let i = 0; i < 20; i += 1) {
      if (new URL(current).origin !== new URL(this.endpoint).origin) return { url: current };
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current).href;
        continue;
      }
      return { res, url: current };
    }
    throw new Error('too many redirects');
  }
}

/** PKCE verifier and S256 challenge (RFC 7636). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorization URL the console would open. */
export function authorizeUrl(
  endpoint: string,
  challenge: string,
  opts: { state?: string; redirectUri?: string; scope?: string; clientId?: string } = {},
): string {
  const params = new URLSearchParams({
    client_id: opts.clientId ?? CLIENT_ID,
    response_type: 'code',
    redirect_uri: opts.redirectUri ?? REDIRECT_URI,
    scope: opts.scope ?? 'openid email profile',
    state: opts.state ?? 'state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${endpoint}/oidc/auth?${params.toString()}`;
}

/** The `action` of the form on a page whose submit button has the given text. */
export function formAction(html: string, button: string): string {
  for (const match of html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (match[2]?.includes(`>${button}</button>`)) return match[1] ?? '';
  }
  throw new Error(`no form with a "${button}" button in: ${html}`);
}

/**
 * Submits the sign-in form of a login page.
 * @returns the response (303 on success, 401 page on wrong credentials).
 */
export async function submitLogin(
  session: BrowserSession,
  page: { res: Response; url: string },
  credentials: { username: string; password: string },
): Promise<Response> {
  const action = formAction(await page.res.text(), 'Sign in');
  return session.request(new URL(action, page.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(credentials).toString(),
  });
}

/**
 * Exchanges an authorization code at the token endpoint (public client + PKCE).
 * @returns the HTTP response (JSON body).
 */
export async function exchangeCode(
  endpoint: string,
  code: string,
  verifier: string,
  redirectUri = REDIRECT_URI,
): Promise<Response> {
  return fetch(`${endpoint}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }).toString(),
  });
}

/**
 * The whole sign-in the console does: authorization request, the sign-in form, the redirect
 * back with a code, and the code exchange with the PKCE verifier.
 * @returns the token set.
 * @throws Error if any step does not go as the console expects.
 */
export async function signIn(
  endpoint: string,
  credentials: { username: string; password: string } = TEST_USER,
): Promise<TokenSet> {
  const { verifier, challenge } = pkcePair();
  const session = new BrowserSession(endpoint);
  const page = await session.follow(authorizeUrl(endpoint, challenge));
  if (!page.res || page.res.status !== 200) throw new Error(`no login page at ${page.url}`);
  const posted = await submitLogin(session, { res: page.res, url: page.url }, credentials);
  const location = posted.headers.get('location');
  if (posted.status !== 303 || !location) throw new Error(`login failed: ${posted.status}`);
  const back = await session.follow(new URL(location, page.url).href);
  const callback = new URL(back.url);
  const code = callback.searchParams.get('code');
  if (!back.url.startsWith(REDIRECT_URI) || !code) throw new Error(`no code: ${back.url}`);
  const res = await exchangeCode(endpoint, code, verifier);
  if (res.status !== 200) throw new Error(`token exchange failed: ${await res.text()}`);
  return (await res.json()) as TokenSet;
}

/** The decoded payload of a JWT (no verification). */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
