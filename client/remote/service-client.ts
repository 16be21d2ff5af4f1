import { ErrorBodySchema, SessionViewSchema } from '../../contracts/service-api';
import type { IssuedCredential } from '../access/issue-credentials';
import { CliError, EXIT, type ExitCode } from '../errors';

/**
 * The CLI's way through the campaign service (`--server URL` or $CAMPAIGN_SERVER): a clerk needs
 * the service's address and a credential file, no Temporal access and no codec key. Signs in with
 * the file once per command, repeats the session's CSRF token on every change, signs out at the end.
 */

// A service that does not answer within this is down, for a command line's purposes.
const REQUEST_TIMEOUT_MS = 60_000;

interface Session {
  cookie: string;
  csrfToken: string;
}

export class ServiceClient {
  private session: Promise<Session> | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly credential: IssuedCredential,
  ) {}

  /** Who the service acts for: the holder of the credential file, whatever --as says. */
  get holder(): IssuedCredential['principal'] {
    return this.credential.principal;
  }

  async get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const url = this.url(path, query);
    const response = await this.send(url, { method: 'GET' });
    return (await response.json()) as T;
  }

  async text(path: string, query: Record<string, string | undefined> = {}): Promise<string> {
    return (await this.send(this.url(path, query), { method: 'GET' })).text();
  }

  async bytes(path: string, query: Record<string, string | undefined> = {}): Promise<Uint8Array> {
    return new Uint8Array(await (await this.send(this.url(path, query), { method: 'GET' })).arrayBuffer());
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const init = { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    return (await (await this.send(this.url(path), init)).json()) as T;
  }

  async postForm<T>(path: string, form: FormData): Promise<T> {
    return (await (await this.send(this.url(path), { method: 'POST', body: form })).json()) as T;
  }

  async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    if (session === undefined) return;
    await this.fetch(this.url('/api/session'), {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    }).catch(() => undefined);
  }

  private url(path: string, query: Record<string, string | undefined> = {}): string {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    return url.toString();
  }

  private async send(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const session = await this.signIn();
    const headers = { ...init.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const response = await this.fetch(url, { ...init, headers });
    if (!response.ok) throw await refusal(response);
    return response;
  }

  private signIn(): Promise<Session> {
    this.session ??= (async () => {
      const response = await this.fetch(this.url('/api/session'), {
        method: 'POST',
        body: JSON.stringify(this.credential),
        headers: { 'content-type': 'application/json' },
      });
      if (!response.ok) throw await refusal(response);
      const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const { csrfToken } = SessionViewSchema.parse(await response.json());
      return { cookie, csrfToken };
    })();
    return this.session;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch {
      throw new CliError(
        `cannot reach the campaign service at ${this.baseUrl}`,
        EXIT.unreachable,
        'check the address given with --server or $CAMPAIGN_SERVER, and that `campaign serve` runs there',
        'unreachable',
      );
    }
  }
}

/** The service's error as the CLI's: its sentence, its code, and the exit code scripts branch on. */
async function refusal(response: Response): Promise<CliError> {
  const body = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  const exit: ExitCode = response.status === 400 ? EXIT.usage : EXIT.failed;
  if (!body.success) {
    return new CliError(`the campaign service answered ${response.status}`, exit, undefined, 'service_error');
  }
  const { code, message, hint } = body.data.error;
  return new CliError(message, exit, hint, code);
}
