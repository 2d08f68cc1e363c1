import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  idempotencyKey: string | null;
  parsed: ParsedMail;
}

/** What the server answers for one recipient/message; null = accept. */
export type SmtpBehaviour = (envelope: {
  to: string;
  idempotencyKey: string | null;
}) => { code: number; message: string } | null;

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** How many times each X-Idempotency-Key was accepted. */
  keyCounts: Map<string, number>;
  /** Change the behaviour at any time (e.g. fail the first attempt). */
  behaviour: SmtpBehaviour;
  /** Parse accepted messages with mailparser (turn off for big batches). */
  parse: boolean;
  /** Delay before answering DATA, to keep messages in flight. */
  latencyMs: number;
  byRecipient(email: string): ReceivedMail[];
  close(): Promise<void>;
}

const IDEMPOTENCY = /^x-idempotency-key:\s*(.+)$/im;

/** In-process SMTP server on 127.0.0.1 and a random port; records what it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    received: [],
    keyCounts: new Map(),
    behaviour: () => null,
    parse: true,
    latencyMs: 0,
    byRecipient: (email) => sink.received.filter((m) => m.to.includes(email.toLowerCase())),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => undefined);
      stream.on('end', () => setTimeout(finish, sink.latencyMs));
      const finish = () => {
        const raw = Buffer.concat(chunks);
        const headerEnd = raw.indexOf('\r\n\r\n');
        const headers = raw.subarray(0, headerEnd < 0 ? raw.length : headerEnd).toString('utf8');
        const key = IDEMPOTENCY.exec(headers.replace(/\r\n[ \t]+/g, ' '))?.[1].trim() ?? null;
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const verdict = sink.behaviour({ to: to[0], idempotencyKey: key });
        if (verdict) {
          const err = new Error(verdict.message) as Error & { responseCode: number };
          err.responseCode = verdict.code;
          callback(err);
          return;
        }
        if (key) sink.keyCounts.set(key, (sink.keyCounts.get(key) ?? 0) + 1);
        if (!sink.parse) {
          callback(null);
          return;
        }
        simpleParser(raw)
          .then((parsed) => {
            sink.received.push({ to, idempotencyKey: key, parsed });
            callback(null);
          })
          .catch((e: Error) => callback(e));
      };
    },
  });
  // A client killed mid-session (the fault test SIGKILLs the worker) resets its socket: expected.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}

/** A header's raw value (mailparser folds List-* headers into a structured `list` object). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase());
  return line?.line.slice(line.line.indexOf(':') + 1).trim();
}

/** Polls until `check` returns a truthy value; throws with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
