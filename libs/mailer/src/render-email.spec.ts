import {
  renderEmail,
  sampleTemplateData,
  TEMPLATE_NAMES,
  templateCategory,
  TemplateDataError,
  type Locale,
  type RenderContext,
  type TemplateName,
} from '@app/mailer';

const BASE = 'https://lms.example.id';
const NOW = new Date('2025-03-10T03:00:00Z');
const LOCALES: Locale[] = ['id', 'en'];

const ctx = (locale: Locale, extra: Partial<RenderContext> = {}): RenderContext => ({
  locale,
  publicBaseUrl: BASE,
  unsubscribeUrl: '/unsubscribe?token=abc&category=reminder',
  ...extra,
});
const sample = (name: TemplateName) => sampleTemplateData(name, NOW);

/** A phrase each template must contain in each locale (and that the other locale must not). */
const EXPECTED_WORDS: Record<TemplateName, Record<Locale, string>> = {
  enrollment_due_soon: { id: '(3 hari lagi)', en: '(in 3 days)' },
  enrollment_overdue: { id: 'sudah terlewati 5 hari', en: '5 days ago' },
  inactivity: { id: 'selama 14 hari', en: 'for 14 days' },
  certificate_expiring: { id: '30 hari lagi', en: '30 days from now' },
  certificate_expired: { id: 'telah kedaluwarsa', en: 'has expired' },
  certificate_issued: { id: 'Unduh sertifikat', en: 'Download the certificate' },
  essay_graded: { id: 'Nilai Anda: 87,5%', en: 'Your score: 87.5%' },
  enrolled_by_hr: { id: 'telah mendaftarkan Anda', en: 'has enrolled you in' },
  hr_weekly_digest: { id: 'Pelatihan terlambat (2)', en: 'Overdue courses (2)' },
  invitation: { id: 'Buat kata sandi', en: 'Set your password' },
  password_reset: { id: 'Atur ulang kata sandi', en: 'Reset your password' },
};

/** What the subject must name (the course by default). */
const SUBJECT_FIELD: Partial<Record<TemplateName, string>> = {
  hr_weekly_digest: 'organizationName',
  invitation: 'invitedBy',
};
const SUBJECT_TEXT: Partial<Record<TemplateName, Record<Locale, string>>> = {
  password_reset: { id: 'kata sandi', en: 'password' },
};

/** The field carrying the recipient's name (escaping test). */
const NAME_FIELD: Partial<Record<TemplateName, string>> = {
  hr_weekly_digest: 'hrName',
  invitation: 'recipientName',
  password_reset: 'recipientName',
};

function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
}

describe('renderEmail with sample data', () => {
  it('knows all eleven templates', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(
      [
        'certificate_expired',
        'certificate_expiring',
        'certificate_issued',
        'enrolled_by_hr',
        'enrollment_due_soon',
        'enrollment_overdue',
        'essay_graded',
        'hr_weekly_digest',
        'inactivity',
        'invitation',
        'password_reset',
      ].sort(),
    );
  });

  describe.each(TEMPLATE_NAMES.map((name) => [name]))('%s', (name) => {
    it.each(LOCALES)('renders in %s with absolute links under publicBaseUrl', (locale) => {
      const data = sample(name);
      const email = renderEmail(name, data, ctx(locale));

      const subjectNeedle =
        SUBJECT_TEXT[name]?.[locale] ?? data[SUBJECT_FIELD[name] ?? 'courseTitle'];
      expect(email.subject).toContain(subjectNeedle as string);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.html).toContain(`<html lang="${locale}"`);
      expect(visibleText(email.html)).toContain(EXPECTED_WORDS[name][locale]);
      expect(email.text).toContain(EXPECTED_WORDS[name][locale]);

      const links = hrefs(email.html);
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) {
        expect(href.startsWith(`${BASE}/`)).toBe(true);
        expect(email.text).toContain(href);
      }
    });

    it('differs between id and en', () => {
      const id = renderEmail(name, sample(name), ctx('id'));
      const en = renderEmail(name, sample(name), ctx('en'));
      expect(id.subject).not.toBe(en.subject);
      expect(id.text).not.toContain(EXPECTED_WORDS[name].en);
      expect(en.text).not.toContain(EXPECTED_WORDS[name].id);
      expect(id.text).toMatch(/^Halo |\nHalo /);
      expect(en.text).toMatch(/\nHello /);
    });
  });

  it('uses the subject wording from the product copy', () => {
    const data = { ...sample('enrollment_due_soon'), courseTitle: 'Ahli K3 Umum' };
    expect(renderEmail('enrollment_due_soon', data, ctx('id')).subject).toBe(
      'Pengingat: "Ahli K3 Umum" jatuh tempo dalam 3 hari',
    );
    const enData = { ...data, courseTitle: 'General K3 Expert' };
    expect(renderEmail('enrollment_due_soon', enData, ctx('en')).subject).toBe(
      'Reminder: "General K3 Expert" is due in 3 days',
    );
  });
});

describe('dates', () => {
  const data = { ...sample('enrollment_due_soon'), dueAt: '2025-03-14T18:30:00Z' };

  it('formats in the locale and defaults to Asia/Jakarta', () => {
    expect(renderEmail('enrollment_due_soon', data, ctx('id')).text).toContain('15 Maret 2025');
    expect(renderEmail('enrollment_due_soon', data, ctx('en')).text).toContain('15 March 2025');
  });

  it('honours ctx.timeZone', () => {
    const email = renderEmail('enrollment_due_soon', data, ctx('en', { timeZone: 'UTC' }));
    expect(email.text).toContain('14 March 2025');
  });
});

describe('escaping', () => {
  const hostileName = '<script>alert(1)</script> & "x"';

  it.each(TEMPLATE_NAMES.map((name) => [name]))('escapes user data in the HTML of %s', (name) => {
    const data = sample(name);
    const withHostileName =
      name === 'hr_weekly_digest'
        ? { ...data, hrName: hostileName, organizationName: "O'Brien & Co" }
        : { ...data, [NAME_FIELD[name] ?? 'learnerName']: hostileName };
    for (const locale of LOCALES) {
      const email = renderEmail(name, withHostileName, ctx(locale));
      expect(email.html).not.toContain('<script>');
      expect(email.html).not.toContain('"x"');
      expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
      expect(email.text).toContain(hostileName);
    }
  });

  it('escapes single quotes and nested digest rows', () => {
    const data = sample('hr_weekly_digest') as { overdue: Record<string, unknown>[] };
    data.overdue[0].learnerName = "Ma'ruf <b>";
    const email = renderEmail('hr_weekly_digest', data, ctx('id'));
    expect(email.html).toContain('Ma&#39;ruf &lt;b&gt;');
    expect(email.html).not.toContain("Ma'ruf");
  });

  it('keeps CR/LF in the course title out of the subject and off separate text lines', () => {
    const data = {
      ...sample('enrollment_overdue'),
      courseTitle: 'Ahli K3\r\nBcc: victim@example.com',
    };
    for (const locale of LOCALES) {
      const email = renderEmail('enrollment_overdue', data, ctx(locale));
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.subject).toContain('Ahli K3 Bcc: victim@example.com');
      expect(email.text).not.toMatch(/^Bcc:/m);
    }
  });
});

describe('data validation', () => {
  const optionalFields: Partial<Record<TemplateName, string[]>> = { enrolled_by_hr: ['dueAt'] };

  it.each(TEMPLATE_NAMES.map((name) => [name]))('names each missing field of %s', (name) => {
    const data = sample(name);
    const required = Object.keys(data).filter((key) => !optionalFields[name]?.includes(key));
    expect(required.length).toBeGreaterThan(2);
    for (const field of required) {
      const { [field]: _removed, ...incomplete } = data;
      let thrown: unknown;
      try {
        renderEmail(name, incomplete, ctx('id'));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(TemplateDataError);
      expect((thrown as TemplateDataError).field).toBe(field);
      expect((thrown as TemplateDataError).message).toContain(field);
    }
  });

  it('names the row of a nested digest field', () => {
    const data = sample('hr_weekly_digest') as { overdue: Record<string, unknown>[] };
    delete data.overdue[1].dueAt;
    expect(() => renderEmail('hr_weekly_digest', data, ctx('en'))).toThrow(
      expect.objectContaining({ name: 'TemplateDataError', field: 'overdue[1].dueAt' }),
    );
  });

  it.each([
    ['enrollment_due_soon', 'daysLeft', '3'],
    ['enrollment_due_soon', 'dueAt', 'next week'],
    ['enrollment_due_soon', 'learnerName', '   '],
    ['essay_graded', 'scorePercent', 120],
    ['inactivity', 'inactiveDays', 2.5],
  ] as const)('rejects %s.%s = %p', (name, field, value) => {
    expect(() => renderEmail(name, { ...sample(name), [field]: value }, ctx('id'))).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('treats dueAt of enrolled_by_hr as optional', () => {
    const email = renderEmail(
      'enrolled_by_hr',
      { ...sample('enrolled_by_hr'), dueAt: null },
      ctx('id'),
    );
    expect(email.text).toContain('tidak memiliki tenggat');
  });
});

describe('links', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'https://evil.example/courses/1',
    'https://lms.example.id.evil.example/courses/1',
    'https://lms.example.id@evil.example/',
    '//evil.example/courses/1',
    'courses/1',
  ])('rejects %s', (courseUrl) => {
    expect(() =>
      renderEmail('inactivity', { ...sample('inactivity'), courseUrl }, ctx('en')),
    ).toThrow(expect.objectContaining({ field: 'courseUrl' }));
  });

  it('accepts absolute URLs under the base and resolves paths against a base with a path', () => {
    const context = ctx('en', {
      publicBaseUrl: 'https://example.id/lms/',
      unsubscribeUrl: undefined,
    });
    const absolute = renderEmail(
      'inactivity',
      { ...sample('inactivity'), courseUrl: 'https://example.id/lms/courses/7?from=mail' },
      context,
    );
    expect(hrefs(absolute.html)).toEqual(['https://example.id/lms/courses/7?from=mail']);
    const relative = renderEmail(
      'inactivity',
      { ...sample('inactivity'), courseUrl: '/courses/7' },
      context,
    );
    expect(hrefs(relative.html)).toEqual(['https://example.id/lms/courses/7']);
    expect(() =>
      renderEmail('inactivity', { ...sample('inactivity'), courseUrl: '/../admin' }, context),
    ).toThrow(TemplateDataError);
  });

  it('rejects an unusable context', () => {
    const data = sample('inactivity');
    expect(() =>
      renderEmail('inactivity', data, ctx('en', { publicBaseUrl: 'javascript:x' })),
    ).toThrow(TypeError);
    expect(() =>
      renderEmail('inactivity', data, ctx('en', { unsubscribeUrl: 'https://evil.example/u' })),
    ).toThrow(/unsubscribeUrl/);
    expect(() => renderEmail('nope' as TemplateName, data, ctx('en'))).toThrow(/Unknown/);
  });
});

describe('footer and unsubscribe link', () => {
  const unsubscribeUrl = `${BASE}/unsubscribe?token=abc&category=reminder`;

  it('shows no unsubscribe link on certificate_issued and explains why', () => {
    const id = renderEmail('certificate_issued', sample('certificate_issued'), ctx('id'));
    const reason =
      'Anda menerima e-mail ini karena sertifikat diterbitkan atas nama Anda; e-mail layanan ini tidak dapat dihentikan langganannya.';
    expect(id.text).toContain(reason);
    expect(id.html).toContain(reason);
    const en = renderEmail('certificate_issued', sample('certificate_issued'), ctx('en'));
    expect(en.text).toContain('a certificate was issued in your name');
    for (const email of [id, en]) {
      expect(email.text).not.toContain('/unsubscribe');
      expect(email.html).not.toContain('/unsubscribe');
      expect(email.text).not.toMatch(/berhenti berlangganan|unsubscribe from/i);
    }
  });

  it.each(
    TEMPLATE_NAMES.filter((name) => templateCategory(name) !== 'transactional').map((name) => [
      name,
    ]),
  )('%s carries the unsubscribe link in both locales', (name) => {
    const id = renderEmail(name, sample(name), ctx('id'));
    const en = renderEmail(name, sample(name), ctx('en'));
    expect(id.text).toContain(`Berhenti berlangganan`);
    expect(en.text).toContain('Unsubscribe from');
    for (const email of [id, en]) {
      expect(email.text).toContain(unsubscribeUrl);
      expect(hrefs(email.html)).toContain(unsubscribeUrl);
    }
  });

  it('leaves the link out when no unsubscribeUrl is given', () => {
    const email = renderEmail(
      'inactivity',
      sample('inactivity'),
      ctx('id', { unsubscribeUrl: undefined }),
    );
    expect(email.text).not.toContain('Berhenti berlangganan');
    expect(email.text).toContain('dikirim otomatis oleh lms.example.id');
  });
});

describe('templateCategory', () => {
  it('maps every template to its category', () => {
    expect(
      Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, templateCategory(name)])),
    ).toEqual({
      enrollment_due_soon: 'reminder',
      enrollment_overdue: 'reminder',
      inactivity: 'reminder',
      certificate_expiring: 'reminder',
      certificate_expired: 'reminder',
      certificate_issued: 'transactional',
      essay_graded: 'notification',
      enrolled_by_hr: 'notification',
      hr_weekly_digest: 'digest',
      invitation: 'transactional',
      password_reset: 'transactional',
    });
  });
});

describe('hr_weekly_digest lists', () => {
  it('says so when a section is empty', () => {
    const data = { ...sample('hr_weekly_digest'), overdue: [], expiring: [] };
    const email = renderEmail('hr_weekly_digest', data, ctx('en'));
    expect(email.text).toContain('No courses are overdue.');
    expect(email.text).toContain('No certificates are expiring soon.');
    expect(email.subject).toContain('0 overdue, 0 certificates expiring');
  });

  it('cuts long sections and points to the full report', () => {
    const overdue = Array.from({ length: 60 }, (_, i) => ({
      learnerName: `Peserta ${i + 1}`,
      courseTitle: 'K3 Listrik',
      dueAt: '2025-03-01T00:00:00Z',
    }));
    const email = renderEmail(
      'hr_weekly_digest',
      { ...sample('hr_weekly_digest'), overdue },
      ctx('id'),
    );
    expect(email.text).toContain('Peserta 50 ');
    expect(email.text).not.toContain('Peserta 51 ');
    expect(email.text).toContain('… dan 10 lainnya di laporan lengkap.');
    expect(email.subject).toContain('60 pelatihan terlambat');
  });
});

describe('invitation and password reset', () => {
  const expiresAt = '2025-03-14T18:30:00Z';

  it('shows the expiry with the time in the recipient time zone', () => {
    const data = { ...sample('invitation'), expiresAt };
    expect(renderEmail('invitation', data, ctx('id')).text).toContain('15 Maret 2025 pukul 01.30');
    expect(renderEmail('invitation', data, ctx('en', { timeZone: 'UTC' })).text).toContain(
      '14 March 2025 at 18:30',
    );
  });

  it.each(['invitation', 'password_reset'] as const)(
    '%s is transactional: no unsubscribe link, its own reason',
    (name) => {
      expect(templateCategory(name)).toBe('transactional');
      const id = renderEmail(name, sample(name), ctx('id'));
      const en = renderEmail(name, sample(name), ctx('en'));
      for (const email of [id, en]) {
        expect(email.text).not.toContain('/unsubscribe');
        expect(email.text).not.toContain('a certificate was issued');
        expect(email.text).not.toContain('sertifikat diterbitkan');
      }
      expect(en.text).toContain('cannot be unsubscribed from');
    },
  );

  it('names who invited the recipient and carries the link', () => {
    const email = renderEmail('invitation', sample('invitation'), ctx('en'));
    expect(email.subject).toBe('PT Konstruksi Nusantara Jaya invited you to K3 LMS');
    expect(hrefs(email.html)).toContain(`${BASE}/set-password?token=preview`);
  });
});
