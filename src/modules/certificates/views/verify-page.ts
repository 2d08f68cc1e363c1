/** HTML of the public verification page; what to show (status, NIK masking) is decided in ../domain. */
import { Lang, statusLabelOf, VerificationView } from '../domain/verification-view';

const LABELS = {
  id: {
    title: 'Verifikasi Sertifikat',
    notFound: 'Sertifikat tidak ditemukan',
    notFoundBody: 'Kode verifikasi ini tidak terdaftar.',
    number: 'Nomor sertifikat',
    version: 'Versi',
    holder: 'Nama pemegang',
    nik: 'NIK',
    employee_id: 'Nomor induk karyawan',
    course: 'Pelatihan',
    competency: 'Kode kompetensi',
    jp: 'Jam pelajaran (JP)',
    completed: 'Tanggal selesai',
    issued: 'Tanggal terbit',
    expires: 'Berlaku sampai',
    noExpiry: 'Tidak kedaluwarsa',
    issuer: 'Penerbit',
    signer: 'Penandatangan',
    sha: 'SHA-256 berkas PDF',
    status: 'Status',
    valid: 'Berlaku',
    expired: 'Kedaluwarsa',
    revoked: 'Dicabut',
    superseded: 'Digantikan',
    supersededReissue: 'Digantikan oleh penerbitan ulang',
    supersededRenewal: 'Digantikan oleh perpanjangan',
    reason: 'Alasan',
    on: 'pada',
    replacement: 'Sertifikat pengganti',
    switch: 'English',
  },
  en: {
    title: 'Certificate Verification',
    notFound: 'Certificate not found',
    notFoundBody: 'This verification code is not registered.',
    number: 'Certificate number',
    version: 'Version',
    holder: 'Holder',
    nik: 'National ID (NIK)',
    employee_id: 'Employee ID',
    course: 'Course',
    competency: 'Competency code',
    jp: 'Lesson hours (JP)',
    completed: 'Completed on',
    issued: 'Issued on',
    expires: 'Valid until',
    noExpiry: 'No expiry',
    issuer: 'Issuer',
    signer: 'Signed by',
    sha: 'SHA-256 of the PDF',
    status: 'Status',
    valid: 'Valid',
    expired: 'Expired',
    revoked: 'Revoked',
    superseded: 'Superseded',
    supersededReissue: 'Superseded by a re-issue',
    supersededRenewal: 'Superseded by renewal',
    reason: 'Reason',
    on: 'on',
    replacement: 'Replacement certificate',
    switch: 'Bahasa Indonesia',
  },
} as const;

const STATUS_COLOURS = {
  valid: '#1b7f3b',
  expired: '#9a6700',
  revoked: '#b42318',
  superseded: '#475467',
} as const;

const STATUS_CSS = Object.entries(STATUS_COLOURS)
  .map(([status, colour]) => `.status-${status}{background:${colour}}`)
  .join('');

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
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2939}
main{max-width:720px;margin:2rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{font-size:1.4rem;margin-top:0}
dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.5rem 1rem}
dt{font-weight:600;color:#475467}dd{margin:0;overflow-wrap:anywhere}
.status{display:inline-block;padding:.35rem .8rem;border-radius:999px;color:#fff;font-weight:700}
${STATUS_CSS}
.hash{font-family:ui-monospace,monospace;font-size:.85rem}
nav{text-align:right;font-size:.9rem}
</style></head>
<body><main>
<nav><a href="${escapeHtml(switchHref)}">${escapeHtml(l.switch)}</a></nav>
${body}
</main></body></html>`;
}

export function renderNotFoundPage(lang: Lang, switchHref: string): string {
  const l = LABELS[lang];
  return page(
    lang,
    l.notFound,
    `<h1>${escapeHtml(l.notFound)}</h1>\n<p>${escapeHtml(l.notFoundBody)}</p>`,
    switchHref,
  );
}

/** The public verification page: every value escaped, no scripts, no external assets. */
export function renderVerifyPage(
  view: VerificationView,
  lang: Lang,
  timeZone: string,
  switchHref: string,
): string {
  const l = LABELS[lang];
  const date = (iso: string) => escapeHtml(formatDate(iso, lang, timeZone));
  const row = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`;
  const statusText = l[statusLabelOf(view)];
  const rows = [
    row(
      l.status,
      `<span class="status status-${view.status}" data-status="${view.status}">${escapeHtml(statusText)}</span>`,
    ),
  ];
  if (view.revoked) {
    rows.push(
      row(
        l.revoked,
        `${escapeHtml(l.on)} ${date(view.revoked.at)} — ${escapeHtml(l.reason)}: ${escapeHtml(view.revoked.reason)}`,
      ),
    );
  }
  if (view.superseded?.by) {
    const by = view.superseded.by;
    rows.push(
      row(
        l.replacement,
        `<a href="${escapeHtml(by.verifyUrl)}">${escapeHtml(by.number)} (${escapeHtml(l.version.toLowerCase())} ${by.version})</a>${view.superseded.at ? ` — ${date(view.superseded.at)}` : ''}`,
      ),
    );
  }
  rows.push(
    row(l.number, escapeHtml(view.number)),
    row(l.version, String(view.version)),
    row(l.holder, escapeHtml(view.learnerName)),
  );
  if (view.learnerId) rows.push(row(l[view.learnerId.kind], escapeHtml(view.learnerId.value)));
  rows.push(
    row(
      l.course,
      `${escapeHtml(view.courseTitle[lang])}${view.courseTitle.id !== view.courseTitle.en ? `<br><small>${escapeHtml(view.courseTitle[lang === 'id' ? 'en' : 'id'])}</small>` : ''}`,
    ),
    row(l.competency, escapeHtml(view.competencyCode)),
    row(l.jp, String(view.jpHours)),
    row(l.completed, date(view.completedAt)),
    row(l.issued, date(view.issuedAt)),
    row(l.expires, view.expiresAt ? date(view.expiresAt) : escapeHtml(l.noExpiry)),
    row(l.issuer, escapeHtml(view.issuer.organizationName)),
    row(
      l.signer,
      `${escapeHtml(view.issuer.signerName)}<br><small>${escapeHtml(view.issuer.signerTitle)}</small>`,
    ),
    row(l.sha, `<span class="hash">${escapeHtml(view.sha256)}</span>`),
  );
  return page(
    lang,
    `${l.title} ${view.number}`,
    `<h1>${escapeHtml(l.title)}</h1>\n<dl>\n${rows.join('\n')}\n</dl>`,
    switchHref,
  );
}
