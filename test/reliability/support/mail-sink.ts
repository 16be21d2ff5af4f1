import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server took it: after DATA, when it answered 250. */
export interface SunkMail {
  messageId: string;
  rcpt: string;
  campaignId: string;
  kind: string;
  receivedAtMs: number;
}

export interface MailSink {
  readonly port: number;
  readonly url: string;
  readonly received: SunkMail[];
  /** Connections open right now: a worker killed now leaves mail half sent. */
  openSessions(): number;
  /** The server goes away: open connections are cut and the port refuses new ones. */
  down(): Promise<void>;
  /** The server is back on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export interface MailSinkOptions {
  /** How long the server thinks before its 250: keeps sends in flight long enough to be crashed into. */
  replyDelayMs?: number;
}

/** The unfolded header block of a raw message, by lower-case name. */
function headersOf(raw: string): Map<string, string> {
  const block = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A real SMTP server (smtp-server) on a fixed loopback port that can be taken down and brought back.
 * A message counts as delivered only when the server answers 250: if the client's connection is
 * gone while the server is still working on it (a worker killed mid-send), the message is dropped,
 * as an MTA that never sent its 250 has not taken responsibility for it (RFC 5321 §6.1).
 */
export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSink> {
  const received: SunkMail[] = [];
  let port = 0;
  let server: SMTPServer | undefined;
  /** Open client connections by the client's port (loopback: one address). */
  const sockets = new Map<number, Socket>();

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          // After the delay, setImmediate lets the event loop take in a reset that is already waiting
          // (a client killed a moment ago) before the server decides it still has someone to answer.
          const reply = () => {
            // The client's socket, found by its port: destroyed once the client reset or closed it.
            const socket = sockets.get(session.remotePort);
            if (socket === undefined || socket.destroyed) {
              callback(new Error('the client went away before the reply'));
              return;
            }
            const headers = headersOf(Buffer.concat(chunks).toString('utf8'));
            for (const rcpt of session.envelope.rcptTo) {
              received.push({
                messageId: headers.get('message-id') ?? '',
                rcpt: rcpt.address,
                campaignId: headers.get('x-campaign-id') ?? '',
                kind: headers.get('x-campaign-notification') ?? '',
                receivedAtMs: Date.now(),
              });
            }
            callback();
          };
          setTimeout(() => setImmediate(reply), options.replyDelayMs ?? 0);
        });
      },
    });

  const up = async () => {
    if (server !== undefined) return;
    const next = create();
    // A client killed mid-session resets its connection; that is the point of these tests, not an error.
    next.on('error', () => undefined);
    next.server.on('connection', (socket: Socket) => {
      const port = socket.remotePort ?? 0;
      sockets.set(port, socket);
      socket.once('close', () => {
        if (sockets.get(port) === socket) sockets.delete(port);
      });
    });
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.server.removeListener('error', reject);
        resolve();
      });
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };

  const down = async () => {
    const current = server;
    if (current === undefined) return;
    server = undefined;
    for (const socket of sockets.values()) socket.destroy();
    await new Promise<void>((resolve) => current.server.close(() => resolve()));
  };

  await up();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    openSessions: () => sockets.size,
    down,
    up,
    close: down,
  };
}
