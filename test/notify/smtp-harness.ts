import net from 'node:net';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerSession } from 'smtp-server';

/** A real SMTP server on loopback, recording what it accepted, and a proxy that can cut connections. */

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Return an SMTP reply (e.g. 550) to refuse the message after DATA. */
  reject?: (to: string[], session: SMTPServerSession) => { code: number; message: string } | undefined;
}

async function listen(server: { listen(port: number, host: string, cb: () => void): unknown }): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const refusal = options.reject?.(to, session);
        if (refusal !== undefined) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        received.push({ from, to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await listen(server);
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface DroppingProxy {
  port: number;
  /** Connections cut so far. */
  dropped: number;
  close(): Promise<void>;
}

/**
 * Forwards to `targetPort`, but cuts the first `dropFirst` connections as soon as the client starts
 * sending the message body, before the server has it: a network failure in the middle of DATA.
 */
export async function startDroppingProxy(targetPort: number, dropFirst: number): Promise<DroppingProxy> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const proxy: DroppingProxy = { port: 0, dropped: 0, close: async () => {} };
  const server = net.createServer((client) => {
    const drop = connections++ < dropFirst;
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    let sawData = false;
    client.on('data', (chunk: Buffer) => {
      if (drop && sawData) {
        proxy.dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      if (/^DATA\r\n/m.test(chunk.toString('latin1'))) sawData = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await listen(server);
  proxy.port = (server.address() as AddressInfo).port;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

/** A plain-text loopback transport with short timeouts, so a failing test fails in seconds. */
export function loopbackTransport(port: number): Transporter {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 5_000,
  });
}
