/** HTML of the public verification page; what to show (status, NIK masking) is decided in ../domain. */
import { createHash } from 'node:crypto';
import { Lang, statusLabelOf, VerificationView } from '../domain/verification-view';

type Tone = VerificationView['status'] | 'unknown';

const LABELS = {
  id: {
    title: 'Verifikasi Sertifikat',
    headline: {
      valid: 'Sertifikat sah',
      expired: 'Sertifikat kedaluwarsa',
      revoked: 'Sertifikat dicabut',
      superseded: 'Sertifikat telah diganti',
      unknown: 'Sertifikat tidak ditemukan',
    },
    validUntil: (date: string) => `Terdaftar dan berlaku sampai ${date}.`,
    validForever: 'Terdaftar dan berlaku tanpa batas waktu.',
    expiredOn: (date: string) => `Masa berlaku berakhir pada ${date}.`,
    expiredNoDate: 'Masa berlakunya telah berakhir.',
    expiredNote: 'Tidak lagi berlaku sebagai bukti kompetensi.',
    revokedOn: (date: string) => `Dicabut pada ${date}.`,
    revokedNoDate: 'Dicabut oleh penerbit.',
    revokedNote: 'Tidak berlaku sebagai bukti kompetensi.',
    reason: 'Alasan',
    supersededReissue: 'Digantikan oleh penerbitan ulang',
    supersededRenewal: 'Digantikan oleh perpanjangan',
    superseded: 'Digantikan oleh sertifikat yang lebih baru',
    on: 'pada',
    supersededNote: 'Sertifikat ini tidak berlaku lagi; periksa sertifikat penggantinya.',
    supersededAsk: 'Mintalah sertifikat terbaru kepada pemegangnya.',
    openReplacement: 'Buka sertifikat pengganti',
    notFoundBody: 'Kode verifikasi ini tidak terdaftar.',
    notFoundNote:
      'Periksa kembali kode pada QR, atau hubungi penerbit sebelum menerima dokumen ini.',
    holder: 'Nama pemegang',
    nik: 'NIK',
    employee_id: 'Nomor induk karyawan',
    course: 'Pelatihan',
    competency: 'Kompetensi',
    details: 'Rincian sertifikat',
    number: 'Nomor sertifikat',
    version: 'Versi',
    jp: 'Jam pelajaran',
    jpUnit: 'JP',
    completed: 'Tanggal selesai',
    issued: 'Tanggal terbit',
    expires: 'Berlaku sampai',
    noExpiry: 'Tidak kedaluwarsa',
    issuer: 'Penerbit',
    signer: 'Penandatangan',
    code: 'Kode verifikasi',
    sha: 'SHA-256 berkas PDF',
    shaHint: 'Sidik jari berkas PDF asli. Berkas yang diubah sedikit saja memiliki nilai lain.',
    credentialTitle: 'Kredensial digital',
    signatureTitle: 'Tanda tangan dan kredensial digital',
    signedBy: 'Ditandatangani secara digital oleh',
    signedHint: 'Tanda tangan ini melekat pada berkas PDF asli; pembaca PDF dapat memeriksanya.',
    credentialStatus: 'Kredensial Open Badges',
    credentialStates: { active: 'aktif', revoked: 'dicabut', expired: 'kedaluwarsa' },
    credentialLink: 'Unduh kredensial (Open Badges 3.0)',
    linkedIn: 'Tambahkan ke profil LinkedIn',
    newTab: '(membuka tab baru)',
    withheld: {
      revoked:
        'Sertifikat ini telah dicabut, sehingga kredensialnya tidak ditawarkan untuk diunduh atau dibagikan.',
      superseded:
        'Sertifikat ini telah diganti; unduh dan bagikan kredensial dari sertifikat penggantinya.',
    },
    switch: 'English',
  },
  en: {
    title: 'Certificate Verification',
    headline: {
      valid: 'Valid certificate',
      expired: 'Expired certificate',
      revoked: 'Revoked certificate',
      superseded: 'Superseded certificate',
      unknown: 'Certificate not found',
    },
    validUntil: (date: string) => `Registered and valid until ${date}.`,
    validForever: 'Registered and valid, with no expiry date.',
    expiredOn: (date: string) => `Its validity ended on ${date}.`,
    expiredNoDate: 'Its validity has ended.',
    expiredNote: 'It is no longer proof of competency.',
    revokedOn: (date: string) => `Revoked on ${date}.`,
    revokedNoDate: 'Revoked by the issuer.',
    revokedNote: 'It is not valid as proof of competency.',
    reason: 'Reason',
    supersededReissue: 'Superseded by a re-issue',
    supersededRenewal: 'Superseded by renewal',
    superseded: 'Superseded by a newer certificate',
    on: 'on',
    supersededNote: 'This certificate is no longer in force; check its replacement.',
    supersededAsk: 'Ask the holder for the current certificate.',
    openReplacement: 'Open the replacement',
    notFoundBody: 'This verification code is not registered.',
    notFoundNote:
      'Check the code on the QR label, or contact the issuer before accepting this document.',
    holder: 'Holder',
    nik: 'National ID (NIK)',
    employee_id: 'Employee ID',
    course: 'Course',
    competency: 'Competency',
    details: 'Certificate details',
    number: 'Certificate number',
    version: 'Version',
    jp: 'Lesson hours',
    jpUnit: 'JP',
    completed: 'Completed on',
    issued: 'Issued on',
    expires: 'Valid until',
    noExpiry: 'No expiry',
    issuer: 'Issuer',
    signer: 'Signed by',
    code: 'Verification code',
    sha: 'SHA-256 of the PDF',
    shaHint:
      'Fingerprint of the original PDF file. A file changed in any way has a different value.',
    credentialTitle: 'Digital credential',
    signatureTitle: 'Digital signature and credential',
    signedBy: 'Digitally signed by',
    signedHint: 'The signature is part of the original PDF file; PDF readers can check it.',
    credentialStatus: 'Open Badges credential',
    credentialStates: { active: 'active', revoked: 'revoked', expired: 'expired' },
    credentialLink: 'Download the credential (Open Badges 3.0)',
    linkedIn: 'Add to LinkedIn profile',
    newTab: '(opens a new tab)',
    withheld: {
      revoked:
        'This certificate was revoked, so its credential is not offered for download or sharing.',
      superseded:
        'This certificate was replaced; download and share the credential of its replacement.',
    },
    switch: 'Bahasa Indonesia',
  },
} as const;

/**
 * Mantine's palette. The banner headline is large bold text on the status colour (WCAG AA
 * large text, >= 3:1); the explanation below it is body text on a pale tint (>= 4.5:1).
 */
const TONES: Record<Tone, { solid: string; tint: string }> = {
  valid: { solid: '#2f9e44', tint: '#ebfbee' },
  expired: { solid: '#e8590c', tint: '#fff4e6' },
  revoked: { solid: '#e03131', tint: '#fff5f5' },
  superseded: { solid: '#495057', tint: '#f1f3f5' },
  unknown: { solid: '#e03131', tint: '#fff5f5' },
};

const MONO = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace';

const CSS = [
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;background:#f8f9fa;color:#212529;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}',
  '.bar{background:#fff;border-bottom:1px solid #e9ecef}',
  '.wrap{max-width:720px;margin:0 auto;padding:0 16px}',
  '.bar .wrap{display:flex;align-items:center;justify-content:space-between;gap:12px;min-height:56px}',
  '.brand{font-weight:700;font-size:15px;color:#212529}',
  '.lang{flex:none;color:#1971c2;font-size:14px;font-weight:600;text-decoration:none;padding:6px 12px;border:1px solid #dee2e6;border-radius:8px;background:#fff}',
  '.lang:hover,.lang:focus-visible{background:#e7f5ff;border-color:#a5d8ff}',
  'main.wrap{padding-top:16px;padding-bottom:32px}',
  '.banner,.card{border-radius:8px;margin:0 0 16px;overflow:hidden}',
  '.banner{border:1px solid}',
  '.banner h1{margin:0;padding:16px;color:#fff;font-size:28px;line-height:1.2;font-weight:800;letter-spacing:-.01em}',
  '.explain{padding:12px 16px 14px}',
  '.explain p{margin:0}.explain p+p{margin-top:6px}',
  '.replace{display:inline-block;margin-top:12px;padding:10px 16px;border-radius:8px;background:#1971c2;color:#fff;font-weight:600;text-decoration:none;overflow-wrap:anywhere}',
  '.replace:hover,.replace:focus-visible{background:#1864ab}',
  ...Object.entries(TONES).map(
    ([tone, c]) =>
      `.s-${tone}{border-color:${c.solid}}.s-${tone} h1{background:${c.solid}}.s-${tone} .explain{background:${c.tint}}`,
  ),
  '.card{background:#fff;border:1px solid #e9ecef;padding:16px}',
  '.card h2{margin:0 0 4px;font-size:18px;line-height:1.3}',
  '.label{margin:0;font-size:13px;color:#495057}',
  '.name{margin:2px 0 0;font-size:24px;line-height:1.25;font-weight:700;overflow-wrap:anywhere}',
  '.ident{margin:4px 0 0;font-size:15px;color:#495057}',
  '.nowrap{white-space:nowrap}',
  '.course{margin:16px 0 0;padding-top:14px;border-top:1px solid #e9ecef}',
  '.title{margin:2px 0 0;font-size:18px;line-height:1.35;font-weight:600;overflow-wrap:anywhere}',
  '.alt{margin:2px 0 0;font-size:14px;color:#495057;overflow-wrap:anywhere}',
  '.tags{margin:10px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:8px}',
  '.tags li{padding:2px 10px;border-radius:999px;background:#e7f5ff;color:#1864ab;font-size:13px;font-weight:700;overflow-wrap:anywhere}',
  'dl{margin:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:12px}',
  '.row{padding:10px 0;border-top:1px solid #e9ecef}.row:first-child{border-top:0}.wide{grid-column:1/-1}',
  'dt{font-size:13px;color:#495057}',
  'dd{margin:2px 0 0;font-size:15px;font-weight:500;overflow-wrap:anywhere}',
  'dd small{display:block;font-weight:400;color:#495057;font-size:14px}',
  `.mono{font-family:${MONO};font-size:14px;word-break:break-all}`,
  '.hash{display:block;width:calc(32ch + 22px);max-width:100%;margin-top:4px;padding:8px 10px;background:#f8f9fa;border:1px solid #e9ecef;border-radius:8px;font-size:13px;line-height:1.5}',
  '.hint{display:block;margin-top:6px;font-size:13px;font-weight:400;color:#495057}',
  '.signed{margin:8px 0 0;font-size:15px;overflow-wrap:anywhere}.signed strong{font-weight:700}',
  '.cred{margin:12px 0 0;font-size:15px}',
  '.pill{display:inline-block;padding:1px 10px;border-radius:999px;font-size:14px;font-weight:700}',
  '.c-active{background:#ebfbee;color:#1b6e2e}.c-revoked{background:#fff5f5;color:#c92a2a}.c-expired{background:#fff4e6;color:#a63c06}',
  '.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}',
  '.btn{display:inline-block;padding:10px 16px;border-radius:8px;border:1px solid #1971c2;background:#fff;color:#1864ab;font-weight:600;font-size:15px;text-align:center;text-decoration:none;overflow-wrap:anywhere}',
  '@media (max-width:639px){.actions .btn{flex:1 1 100%}}',
  '.btn:hover,.btn:focus-visible{background:#e7f5ff}',
  '.btn.li{background:#0a66c2;border-color:#0a66c2;color:#fff}.btn.li:hover,.btn.li:focus-visible{background:#004182;border-color:#004182}',
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
  '.withheld{margin:12px 0 0;padding:10px 12px;border-radius:8px;background:#f1f3f5;font-size:15px}',
  '@media (min-width:640px){main.wrap{padding-top:32px}.banner h1{font-size:32px;padding:22px 24px}.explain{padding:16px 24px 18px}.card{padding:20px 24px}dl{display:block}.row{display:grid;grid-template-columns:190px minmax(0,1fr);gap:16px;align-items:baseline}dt{font-size:14px}dd{margin:0;font-size:16px}}',
  '@media print{body{background:#fff}.lang{display:none}.bar{border:0}.banner,.card{break-inside:avoid;border-color:#adb5bd}.banner,.banner h1,.explain{-webkit-print-color-adjust:exact;print-color-adjust:exact}.replace{background:none;color:#212529;padding:0;text-decoration:underline}.actions{display:none}}',
].join('\n');

/** The page's only style element is allowed by its hash, so the page needs no 'unsafe-inline'. */
export const VERIFY_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'self' data:",
  "script-src 'none'",
  "script-src-attr 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatDate(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeZone,
  }).format(new Date(iso));
}

function page(lang: Lang, title: string, body: string, switchHref: string): string {
  const l = LABELS[lang];
  const other = lang === 'id' ? 'en' : 'id';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body>
<header class="bar"><div class="wrap"><span class="brand">${escapeHtml(l.title)}</span><a class="lang" href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}">${escapeHtml(l.switch)}</a></div></header>
<main class="wrap">
${body}
</main></body></html>`;
}

function banner(tone: Tone, headline: string, explanation: string): string {
  return `<section class="banner s-${tone}" data-status="${tone}">
<h1>${escapeHtml(headline)}</h1>
<div class="explain">${explanation}</div>
</section>`;
}

const para = (html: string) => `<p>${html}</p>`;

export function renderNotFoundPage(lang: Lang, switchHref: string): string {
  const l = LABELS[lang];
  return page(
    lang,
    `${l.headline.unknown} · ${l.title}`,
    banner(
      'unknown',
      l.headline.unknown,
      para(escapeHtml(l.notFoundBody)) + para(escapeHtml(l.notFoundNote)),
    ),
    switchHref,
  );
}

function explanationOf(view: VerificationView, lang: Lang, date: (iso: string) => string): string {
  const l = LABELS[lang];
  switch (view.status) {
    case 'valid':
      return para(
        view.expiresAt
          ? escapeHtml(l.validUntil(date(view.expiresAt)))
          : escapeHtml(l.validForever),
      );
    case 'expired':
      return (
        para(escapeHtml(view.expiresAt ? l.expiredOn(date(view.expiresAt)) : l.expiredNoDate)) +
        para(escapeHtml(l.expiredNote))
      );
    case 'revoked': {
      const revoked = view.revoked;
      return (
        para(escapeHtml(revoked ? l.revokedOn(date(revoked.at)) : l.revokedNoDate)) +
        (revoked?.reason
          ? para(`<strong>${escapeHtml(l.reason)}:</strong> ${escapeHtml(revoked.reason)}`)
          : '') +
        para(escapeHtml(l.revokedNote))
      );
    }
    case 'superseded': {
      const superseded = view.superseded;
      const by = superseded?.by;
      const when = superseded?.at ? ` ${l.on} ${date(superseded.at)}` : '';
      return (
        para(
          escapeHtml(
            `${l[statusLabelOf(view) as 'superseded' | 'supersededReissue' | 'supersededRenewal']}${when}.`,
          ),
        ) +
        para(escapeHtml(by ? l.supersededNote : l.supersededAsk)) +
        (by
          ? `<a class="replace" href="${escapeHtml(by.verifyUrl)}">${escapeHtml(l.openReplacement)}: ${escapeHtml(by.number)} (${escapeHtml(l.version.toLowerCase())} ${by.version})</a>`
          : '')
      );
    }
  }
}

/** "Digitally signed by …" (only when recorded), the credential's status, download and LinkedIn. */
function credentialCard(view: VerificationView, lang: Lang): string {
  const l = LABELS[lang];
  const { credential } = view;
  const signed = view.signedBy
    ? `<p class="signed">${escapeHtml(l.signedBy)} <strong data-signed-by>${escapeHtml(view.signedBy)}</strong></p>` +
      `<p class="hint">${escapeHtml(l.signedHint)}</p>`
    : '';
  const state = `<p class="cred">${escapeHtml(l.credentialStatus)}: <span class="pill c-${credential.status}" data-credential-status="${credential.status}">${escapeHtml(l.credentialStates[credential.status])}</span></p>`;
  const offer = credential.withheld
    ? `<p class="withheld">${escapeHtml(l.withheld[credential.withheld])}</p>`
    : [
        '<div class="actions">',
        `<a class="btn" href="/api/v1/verify/${encodeURIComponent(view.code)}/credential" type="application/vc+jwt" download>${escapeHtml(l.credentialLink)}</a>`,
        credential.linkedInUrl
          ? `<a class="btn li" href="${escapeHtml(credential.linkedInUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(l.linkedIn)}<span class="sr"> ${escapeHtml(l.newTab)}</span></a>`
          : '',
        '</div>',
      ].join('');
  return `<section class="card credential"><h2>${escapeHtml(view.signedBy ? l.signatureTitle : l.credentialTitle)}</h2>\n${signed}${state}${offer}</section>`;
}

/** The public verification page: every value escaped, no scripts, no external assets. */
export function renderVerifyPage(
  view: VerificationView,
  lang: Lang,
  timeZone: string,
  switchHref: string,
): string {
  const l = LABELS[lang];
  const date = (iso: string) => formatDate(iso, lang, timeZone);
  /** Short values sit two to a line on a phone; long ones take the whole width. */
  const row = (label: string, value: string, wide = false) =>
    `<div class="row${wide ? ' wide' : ''}"><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
  const otherTitle = view.courseTitle[lang === 'id' ? 'en' : 'id'];

  const holder = [
    `<p class="label">${escapeHtml(l.holder)}</p>`,
    `<p class="name">${escapeHtml(view.learnerName)}</p>`,
    view.learnerId
      ? `<p class="ident"><span class="nowrap">${escapeHtml(l[view.learnerId.kind])}: <span class="mono">${escapeHtml(view.learnerId.value)}</span></span></p>`
      : '',
    `<div class="course"><p class="label">${escapeHtml(l.course)}</p>`,
    `<p class="title">${escapeHtml(view.courseTitle[lang])}</p>`,
    otherTitle !== view.courseTitle[lang]
      ? `<p class="alt" lang="${lang === 'id' ? 'en' : 'id'}">${escapeHtml(otherTitle)}</p>`
      : '',
    `<ul class="tags"><li>${escapeHtml(l.competency)} ${escapeHtml(view.competencyCode)}</li></ul></div>`,
  ].join('\n');

  const rows = [
    row(
      l.number,
      `<span class="mono">${escapeHtml(view.number)}</span><small>${escapeHtml(l.version)} ${view.version}</small>`,
      true,
    ),
    row(l.issued, escapeHtml(date(view.issuedAt))),
    row(l.expires, escapeHtml(view.expiresAt ? date(view.expiresAt) : l.noExpiry)),
    row(l.completed, escapeHtml(date(view.completedAt))),
    row(l.jp, `${view.jpHours} ${escapeHtml(l.jpUnit)}`),
    row(l.issuer, escapeHtml(view.issuer.organizationName), true),
    row(
      l.signer,
      `${escapeHtml(view.issuer.signerName)}<small>${escapeHtml(view.issuer.signerTitle)}</small>`,
      true,
    ),
    row(l.code, `<span class="mono">${escapeHtml(view.code)}</span>`, true),
    row(
      l.sha,
      `<span class="mono hash">${escapeHtml(view.sha256)}</span><span class="hint">${escapeHtml(l.shaHint)}</span>`,
      true,
    ),
  ];

  const headline = l.headline[view.status];
  return page(
    lang,
    `${headline} · ${view.number} · ${l.title}`,
    [
      banner(view.status, headline, explanationOf(view, lang, date)),
      `<section class="card">\n${holder}\n</section>`,
      `<section class="card"><h2>${escapeHtml(l.details)}</h2>\n<dl>\n${rows.join('\n')}\n</dl></section>`,
      credentialCard(view, lang),
    ].join('\n'),
    switchHref,
  );
}
