import { randomBytes } from 'node:crypto';
import type { IssuedCredential } from '../../client/access/issue-credentials';
import type { Principal } from '../../domain/access/principal';

/**
 * What a signed-in request carries: whose session it is, and the token every state-changing
 * request must repeat (x-csrf-token or the form field _csrf). The holder's credential stays in the
 * session store and never reaches a page.
 */
export interface ServiceSession {
  id: string;
  campaignId: string;
  principal: Principal;
  csrfToken: string;
  expiresAtMs: number;
}

interface SessionRecord extends ServiceSession {
  credential: IssuedCredential;
}

/**
 * Sessions in this process's memory, keyed by a random id that the cookie carries signed. The
 * credential a session acts with is a secret, so it is kept here rather than in the cookie; a
 * restart of the service signs everyone out (they sign in again with their file).
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(private readonly lifetimeMs: number) {}

  create(credential: IssuedCredential, nowMs: number): ServiceSession {
    this.sweep(nowMs);
    const session: SessionRecord = {
      id: randomBytes(24).toString('base64url'),
      campaignId: credential.campaignId,
      principal: credential.principal,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAtMs: nowMs + this.lifetimeMs,
      credential,
    };
    this.sessions.set(session.id, session);
    return publicPart(session);
  }

  get(id: string, nowMs: number): ServiceSession | undefined {
    const record = this.live(id, nowMs);
    return record && publicPart(record);
  }

  credentialOf(session: ServiceSession, nowMs: number): IssuedCredential | undefined {
    return this.live(session.id, nowMs)?.credential;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  private live(id: string, nowMs: number): SessionRecord | undefined {
    const record = this.sessions.get(id);
    if (record === undefined) return undefined;
    if (record.expiresAtMs <= nowMs) {
      this.sessions.delete(id);
      return undefined;
    }
    return record;
  }

  private sweep(nowMs: number): void {
    for (const [id, record] of this.sessions) if (record.expiresAtMs <= nowMs) this.sessions.delete(id);
  }
}

function publicPart(record: SessionRecord): ServiceSession {
  const { credential: _credential, ...session } = record;
  return session;
}
