import { Agent, request } from 'node:http';
import { Role } from '../src/common/auth/roles';
import { serveOnLoopback } from './support/browser';
import { bearer, createTestContext, SeededUser, seedUser, TestContext } from './support/test-app';

const MAX_UPLOAD_BYTES = 64 * 1024;

interface Answer {
  status: number;
  body: { error?: string; details?: { maxBytes?: number } };
}

/** One multipart upload of `data` over `agent` (a keep-alive agent reuses its one connection). */
function upload(
  url: string,
  token: string,
  agent: Agent,
  data: Buffer,
  sockets: Set<object>,
): Promise<Answer> {
  const boundary = `b${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="materi.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
    const req = request(url, {
      method: 'POST',
      agent,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': body.length,
      },
    });
    req.on('socket', (socket) => sockets.add(socket));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The structure editor's upload: after the server refuses a file as too large, the browser sends
 * the next (smaller) file on the same keep-alive connection. It must get an answer.
 */
describe('lesson file upload: answers after a refusal on the same connection', () => {
  let ctx: TestContext;
  let instructor: SeededUser;
  let url: string;

  beforeAll(async () => {
    ctx = await createTestContext({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    const base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code: 'UP-1',
        titleId: 'Unggah',
        titleEn: 'Upload',
        competencyCode: 'AK3U',
        jpHours: 1,
      })
      .expect(201);
    const module = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules`)
      .set(bearer(instructor))
      .send({ titleId: 'M', titleEn: 'M' })
      .expect(201);
    const lesson = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules/${module.body.id}/lessons`)
      .set(bearer(instructor))
      .send({ type: 'file', titleId: 'F', titleEn: 'F' })
      .expect(201);
    url = `${base}/api/v1/courses/${course.body.id}/lessons/${lesson.body.id}/file`;
  });
  afterAll(() => ctx?.close());

  it('413 (naming the limit), then 415, then 201 on one keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<object>();
    try {
      const pdf = (bytes: number) =>
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 0x20)]);
      const big = await upload(url, instructor.token, agent, pdf(4 * MAX_UPLOAD_BYTES), sockets);
      expect(big).toEqual({
        status: 413,
        body: expect.objectContaining({
          error: 'PAYLOAD_TOO_LARGE',
          details: { maxBytes: MAX_UPLOAD_BYTES },
        }),
      });
      const wrong = await upload(
        url,
        instructor.token,
        agent,
        Buffer.from('<html>bukan</html>'),
        sockets,
      );
      expect(wrong).toEqual({
        status: 415,
        body: expect.objectContaining({ error: 'UNSUPPORTED_MEDIA_TYPE' }),
      });
      const ok = await upload(url, instructor.token, agent, pdf(1000), sockets);
      expect(ok.status).toBe(201);
      // All three went over the one connection.
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
