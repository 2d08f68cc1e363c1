import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import {
  classifySmtpError,
  createSmtpSender,
  listUnsubscribeHeaders,
  renderEmail,
  sampleTemplateData,
  type OutgoingEmail,
  type SmtpSender,
} from '@app/mailer';

interface TestSmtpServer {
  url: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

async function startSmtpServer(
  overrides: Partial<SMTPServerOptions> = {},
): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed);
          callback();
        })
        .catch(callback);
    },
    ...overrides,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const rendered = renderEmail(
  'certificate_expiring',
  { ...sampleTemplateData('certificate_expiring'), learnerName: 'Siti Rahayu — Divisi Produksi' },
  { locale: 'id', publicBaseUrl: 'https://lms.example.id', unsubscribeUrl: '/unsubscribe?t=tok' },
);

function message(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    from: 'K3 LMS <noreply@lms.example.id>',
    to: 'siti.rahayu@example.co.id',
    ...rendered,
    ...overrides,
  };
}

describe('createSmtpSender against an in-process SMTP server', () => {
  let server: TestSmtpServer;
  let sender: SmtpSender;

  beforeEach(async () => {
    server = await startSmtpServer();
    sender = createSmtpSender(server.url, { timeoutMs: 5_000 });
  });

  afterEach(async () => {
    sender.close();
    await server.close();
  });

  it('verifies the connection', async () => {
    await expect(sender.verify()).resolves.toBeUndefined();
  });

  it('delivers subject, html, text alternative, headers and attachment', async () => {
    const unsubscribeUrl = 'https://lms.example.id/api/unsubscribe/one-click?token=abc.def';
    const pdf = Buffer.from('%PDF-1.7\nfake certificate\n%%EOF\n');

    const result = await sender.send(
      message({
        headers: listUnsubscribeHeaders(unsubscribeUrl),
        attachments: [{ filename: 'sertifikat.pdf', content: pdf, contentType: 'application/pdf' }],
        messageIdHint: 'cert-expiring:42:30',
      }),
    );

    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(result.response).toMatch(/^250 /);
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.subject).toBe(rendered.subject);
    expect(mail.html).toContain('Siti Rahayu — Divisi Produksi');
    expect(mail.html).toContain('<html lang="id"');
    expect(mail.text?.trim()).toBe(rendered.text.trim());
    expect(mail.messageId).toBe(result.messageId);

    // Unfold (RFC 5322 2.2.3): nodemailer folds long header lines.
    const headerLine = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n/g, '');
    expect(headerLine('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribeUrl}>`);
    expect(headerLine('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(mail.headers.get('x-idempotency-key')).toBe('cert-expiring:42:30');

    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('sertifikat.pdf');
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(mail.attachments[0].content.equals(pdf)).toBe(true);
  });

  it('lets the receiver count deliveries per idempotency key', async () => {
    await Promise.all([
      sender.send(message({ messageIdHint: 'enrollment-due:7:3' })),
      sender.send(message({ messageIdHint: 'enrollment-due:7:3' })),
      sender.send(message({ messageIdHint: 'enrollment-due:8:3' })),
      sender.send(message()),
    ]);

    const counts = new Map<unknown, number>();
    for (const mail of server.received) {
      const key = mail.headers.get('x-idempotency-key');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      'enrollment-due:7:3': 2,
      'enrollment-due:8:3': 1,
      undefined: 1,
    });
  });

  it('refuses header values with line breaks', async () => {
    await expect(
      sender.send(message({ headers: { 'X-Campaign': 'a\r\nBcc: victim@example.com' } })),
    ).rejects.toThrow(/line breaks/);
    await expect(sender.send(message({ messageIdHint: 'k\n1' }))).rejects.toThrow(/line breaks/);
    expect(server.received).toHaveLength(0);
  });
});

describe('classifySmtpError with real SMTP failures', () => {
  async function sendAndCatch(server: TestSmtpServer): Promise<unknown> {
    const sender = createSmtpSender(server.url, { pool: false, timeoutMs: 5_000 });
    try {
      await sender.send(message());
      return undefined;
    } catch (err) {
      return err;
    } finally {
      sender.close();
      await server.close();
    }
  }

  it('treats 451 on RCPT TO as transient', async () => {
    const server = await startSmtpServer({
      onRcptTo: (_address, _session, callback) =>
        callback(smtpError('Greylisted, try again later', 451)),
    });
    const err = await sendAndCatch(server);
    expect(err).toMatchObject({ responseCode: 451 });
    expect(classifySmtpError(err)).toBe('transient');
  });

  it('treats 550 on RCPT TO as permanent', async () => {
    const server = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(smtpError('No such user', 550)),
    });
    const err = await sendAndCatch(server);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(classifySmtpError(err)).toBe('permanent');
  });

  it('treats 451 after DATA as transient', async () => {
    const server = await startSmtpServer({
      onData: (stream, _session, callback) => {
        stream.on('end', () => callback(smtpError('Local error in processing', 451)));
        stream.resume();
      },
    });
    const err = await sendAndCatch(server);
    expect(err).toMatchObject({ responseCode: 451 });
    expect(classifySmtpError(err)).toBe('transient');
  });

  it('treats 550 after DATA as permanent', async () => {
    const server = await startSmtpServer({
      onData: (stream, _session, callback) => {
        stream.on('end', () => callback(smtpError('Message rejected as spam', 550)));
        stream.resume();
      },
    });
    const err = await sendAndCatch(server);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(classifySmtpError(err)).toBe('permanent');
  });

  it('treats a refused connection as transient', async () => {
    const port = await unusedPort();
    const sender = createSmtpSender(`smtp://127.0.0.1:${port}`, { pool: false, timeoutMs: 5_000 });
    const err = await sender.send(message()).catch((e: unknown) => e);
    sender.close();
    // Errors come from another realm under jest, so check the shape rather than instanceof.
    expect(err).toHaveProperty('message', expect.stringContaining('ECONNREFUSED'));
    expect(err).toMatchObject({
      code: expect.stringMatching(/^E(SOCKET|CONNECTION|CONNREFUSED)$/),
    });
    expect(classifySmtpError(err)).toBe('transient');
    await expect(
      createSmtpSender(`smtp://127.0.0.1:${port}`, { pool: false }).verify(),
    ).rejects.toThrow();
  });
});
