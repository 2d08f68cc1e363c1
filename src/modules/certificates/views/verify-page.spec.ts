import { createHash } from 'node:crypto';
import { Lang, VerificationView } from '../domain/verification-view';
import { escapeHtml, renderNotFoundPage, renderVerifyPage, VERIFY_PAGE_CSP } from './verify-page';

const view: VerificationView = {
  code: 'A'.repeat(26),
  number: 'K3/AK3U/2026/000001',
  version: 1,
  status: 'valid',
  learnerName: '<script>alert(1)</script> Siti',
  learnerId: { kind: 'employee_id', value: 'E-1' },
  courseTitle: { id: 'Ahli K3 Umum', en: 'General OSH Expert' },
  competencyCode: 'AK3U',
  jpHours: 32,
  completedAt: '2026-03-01T03:00:00.000Z',
  issuedAt: '2026-03-01T03:05:00.000Z',
  expiresAt: null,
  issuer: { organizationName: 'K3 "LMS"', signerName: 'Dr. A', signerTitle: 'Director' },
  sha256: 'ab'.repeat(32),
  revoked: null,
  superseded: null,
  signedBy: 'PT Contoh <K3> (Lembaga Sertifikasi)',
  credential: {
    status: 'active',
    withheld: null,
    linkedInUrl:
      'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Ahli%20K3%20Umum',
  },
};

const revoked: VerificationView = {
  ...view,
  status: 'revoked',
  revoked: { at: '2026-04-02T01:00:00Z', reason: 'Data <salah>' },
  credential: { status: 'revoked', withheld: 'revoked', linkedInUrl: null },
};
const expired: VerificationView = {
  ...view,
  status: 'expired',
  expiresAt: '2026-05-01T00:00:00Z',
  credential: { ...view.credential, status: 'expired' },
};
const superseded: VerificationView = {
  ...view,
  status: 'superseded',
  credential: { status: 'active', withheld: 'superseded', linkedInUrl: null },
  superseded: {
    reason: 'reissue',
    at: '2026-06-10T00:00:00Z',
    by: { number: 'K3/AK3U/2026/000001', version: 2, verifyUrl: 'https://k3.test/verify/B"x' },
  },
};

/** The text of the banner's headline, and the status its section is marked with. */
function bannerOf(html: string): { status: string; headline: string } {
  const match = /<section class="banner s-(\w+)" data-status="\1">\s*<h1>([^<]*)<\/h1>/.exec(html);
  if (!match) throw new Error('no banner');
  return { status: match[1], headline: match[2] };
}

describe('verification page', () => {
  it('escapes every value and loads nothing external', () => {
    const html = renderVerifyPage(view, 'en', 'Asia/Jakarta', '?lang=id');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;&#47;script&#62; Siti');
    expect(html).toContain('K3 &#34;LMS&#34;');
    expect(html).not.toMatch(/src="/);
    // The one link off the site is LinkedIn's (a link, loading nothing).
    const external = [...html.matchAll(/href="(https?:&#47;&#47;[^"]*)"/g)].map((m) => m[1]);
    expect(external).toEqual([escapeHtml(view.credential.linkedInUrl!)]);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('General OSH Expert');
    expect(html).toContain('No expiry');
  });

  it.each<[VerificationView, Lang, string, string]>([
    [view, 'id', 'Sertifikat sah', 'Terdaftar dan berlaku tanpa batas waktu.'],
    [view, 'en', 'Valid certificate', 'Registered and valid, with no expiry date.'],
    [expired, 'id', 'Sertifikat kedaluwarsa', 'Masa berlaku berakhir pada 1 Mei 2026.'],
    [expired, 'en', 'Expired certificate', 'Its validity ended on 1 May 2026.'],
    [revoked, 'id', 'Sertifikat dicabut', 'Dicabut pada 2 April 2026.'],
    [revoked, 'en', 'Revoked certificate', 'Revoked on 2 April 2026.'],
    [
      superseded,
      'id',
      'Sertifikat telah diganti',
      'Digantikan oleh penerbitan ulang pada 10 Juni 2026.',
    ],
    [superseded, 'en', 'Superseded certificate', 'Superseded by a re-issue on 10 June 2026.'],
  ])(
    '%# a %s certificate in %s: banner "%s" with its class and explanation',
    (v, lang, headline, line) => {
      const html = renderVerifyPage(
        v,
        lang,
        'Asia/Jakarta',
        `?lang=${lang === 'id' ? 'en' : 'id'}`,
      );
      expect(bannerOf(html)).toEqual({ status: v.status, headline });
      expect(html).toContain(`<p>${escapeHtml(line)}</p>`);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<title>${escapeHtml(headline)} · `);
    },
  );

  it('gives the revocation reason escaped, and links the replacement of a superseded one', () => {
    expect(renderVerifyPage(revoked, 'id', 'Asia/Jakarta', '?lang=en')).toContain(
      '<strong>Alasan:</strong> Data &#60;salah&#62;',
    );
    const html = renderVerifyPage(superseded, 'en', 'Asia/Jakarta', '?lang=id');
    expect(html).toContain(
      '<a class="replace" href="https:&#47;&#47;k3.test&#47;verify&#47;B&#34;x">Open the replacement: K3&#47;AK3U&#47;2026&#47;000001 (version 2)</a>',
    );
    const unknownSuccessor = renderVerifyPage(
      { ...view, status: 'superseded', superseded: { reason: 'renewal', at: null, by: null } },
      'en',
      'UTC',
      '?lang=id',
    );
    expect(unknownSuccessor).toContain('<p>Superseded by renewal.</p>');
    expect(unknownSuccessor).toContain('Ask the holder for the current certificate.');
    expect(unknownSuccessor).not.toContain('class="replace"');
  });

  it('shows the NIK it is given (masked upstream) on one line, the switch link in the other language', () => {
    const html = renderVerifyPage(
      { ...view, learnerId: { kind: 'nik', value: '3171********0001' } },
      'id',
      'Asia/Jakarta',
      '?lang=en',
    );
    expect(html).toContain(
      '<p class="ident"><span class="nowrap">NIK: <span class="mono">3171********0001</span></span></p>',
    );
    expect(html).toContain(
      '<a class="lang" href="?lang&#61;en" hreflang="en" lang="en">English</a>',
    );
    expect(renderVerifyPage({ ...view, learnerId: null }, 'en', 'UTC', '?lang=id')).not.toContain(
      'class="ident"',
    );
  });

  it('says who signed, the credential status in words, and offers download and LinkedIn', () => {
    const id = renderVerifyPage(view, 'id', 'UTC', '?lang=en');
    expect(id).toContain(
      '<p class="signed">Ditandatangani secara digital oleh <strong data-signed-by>PT Contoh &#60;K3&#62; (Lembaga Sertifikasi)</strong></p>',
    );
    expect(id).toContain('Kredensial Open Badges: <span class="pill c-active"');
    expect(id).toContain('>aktif</span>');
    expect(id).toContain(
      `<a class="btn" href="/api/v1/verify/${'A'.repeat(26)}/credential" type="application/vc+jwt" download>Unduh kredensial (Open Badges 3.0)</a>`,
    );
    expect(id).toContain(
      `<a class="btn li" href="${escapeHtml(view.credential.linkedInUrl!)}" target="_blank" rel="noopener noreferrer">Tambahkan ke profil LinkedIn<span class="sr"> (membuka tab baru)</span></a>`,
    );
    const en = renderVerifyPage(expired, 'en', 'UTC', '?lang=id');
    expect(en).toContain('Digitally signed by <strong data-signed-by>');
    expect(en).toContain('Open Badges credential: <span class="pill c-expired"');
    expect(en).toContain('>expired</span>');
    expect(en).toContain('Download the credential (Open Badges 3.0)');
    expect(en).toContain('Add to LinkedIn profile');
  });

  it('withholds download and LinkedIn for revoked and superseded certificates, saying why', () => {
    const html = renderVerifyPage(revoked, 'en', 'UTC', '?lang=id');
    expect(html).toContain('<span class="pill c-revoked" data-credential-status="revoked">revoked');
    expect(html).toContain(
      '<p class="withheld">This certificate was revoked, so its credential is not offered for download or sharing.</p>',
    );
    expect(html).not.toContain('credential" type=');
    expect(html).not.toContain('linkedin');
    const replaced = renderVerifyPage(superseded, 'id', 'UTC', '?lang=en');
    expect(replaced).toContain(
      'Sertifikat ini telah diganti; unduh dan bagikan kredensial dari sertifikat penggantinya.',
    );
    expect(replaced).toContain('data-credential-status="active">aktif');
    expect(replaced).not.toContain('class="btn');
  });

  it('claims no signature that was not recorded', () => {
    const html = renderVerifyPage({ ...view, signedBy: null }, 'id', 'UTC', '?lang=en');
    expect(html).not.toContain('Ditandatangani');
    expect(html).not.toContain('data-signed-by');
    expect(html).toContain('<h2>Kredensial digital</h2>');
    expect(html).toContain('Kredensial Open Badges');
  });

  it('keeps the long values in their own breakable blocks', () => {
    const html = renderVerifyPage(view, 'en', 'UTC', '?lang=id');
    expect(html).toContain(`<span class="mono hash">${'ab'.repeat(32)}</span>`);
    expect(html).toContain(`<span class="mono">${'A'.repeat(26)}</span>`);
    expect(html).toContain('<span class="mono">K3&#47;AK3U&#47;2026&#47;000001</span>');
  });

  it('reveals nothing for an unknown code, in the same look', () => {
    const en = renderNotFoundPage('en', '?lang=id');
    expect(bannerOf(en)).toEqual({ status: 'unknown', headline: 'Certificate not found' });
    expect(bannerOf(renderNotFoundPage('id', '?lang=en'))).toEqual({
      status: 'unknown',
      headline: 'Sertifikat tidak ditemukan',
    });
    expect(escapeHtml('a&b')).toBe('a&#38;b');
  });

  it("allows exactly the page's own style element by its hash, and no script at all", () => {
    const html = renderVerifyPage(view, 'en', 'UTC', '?lang=id');
    const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]).digest('base64');
    expect(VERIFY_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(VERIFY_PAGE_CSP).toContain("script-src 'none'");
    expect(VERIFY_PAGE_CSP).not.toContain('unsafe-inline');
  });
});
