import type { PreferenceCategory } from './domain/categories';

const CATEGORY_LABELS: Record<PreferenceCategory, { id: string; en: string }> = {
  reminder: { id: 'pengingat pelatihan dan sertifikat', en: 'training and certificate reminders' },
  digest: { id: 'ringkasan mingguan HR', en: 'weekly HR digests' },
  notification: { id: 'pemberitahuan pelatihan', en: 'training notifications' },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Same look as the web app's public pages: brand, one white card on a grey page. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>*{box-sizing:border-box}body{margin:0;background:#f8f9fa;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;line-height:1.55}
main{max-width:420px;margin:2.5rem auto;padding:0 1rem}.card{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.05)}
.brand{color:#1864ab;font-weight:700;font-size:1.125rem;margin:0}.tagline{color:#495057;font-size:.875rem;margin:0 0 1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}p.en{color:#495057}a{color:#1864ab}
button{font:inherit;font-weight:600;width:100%;padding:.65rem 1rem;border-radius:4px;border:0;background:#1971c2;color:#fff;cursor:pointer;margin-top:.5rem}</style>
</head><body><main><div class="card"><p class="brand">K3 LMS</p><p class="tagline">Pelatihan K3 / OSH training</p>${body}</div></main></body></html>`;
}

/** Bilingual confirmation with a button that POSTs (GET never changes anything: link scanners). */
export function confirmationPage(token: string, category: PreferenceCategory): string {
  const label = CATEGORY_LABELS[category];
  const action = `/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    'Berhenti berlangganan / Unsubscribe',
    `<h1>Berhenti berlangganan?</h1>
<p>Anda tidak akan menerima e-mail <strong>${escapeHtml(label.id)}</strong> lagi. Anda dapat mengaktifkannya kembali di pengaturan notifikasi.</p>
<p class="en">Unsubscribe? You will no longer receive <strong>${escapeHtml(label.en)}</strong>. You can turn them back on in your notification settings.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Berhenti berlangganan / Unsubscribe</button></form>`,
  );
}

export function donePage(category: PreferenceCategory): string {
  const label = CATEGORY_LABELS[category];
  return page(
    'Berhasil / Done',
    `<h1>Berhasil berhenti berlangganan</h1>
<p>Anda tidak akan menerima e-mail ${escapeHtml(label.id)} lagi.</p>
<p class="en">You have been unsubscribed from ${escapeHtml(label.en)}.</p>
<p>Berubah pikiran? Aktifkan lagi di <a href="/preferences">Preferensi</a>.</p>
<p class="en">Changed your mind? Turn them back on in <a href="/preferences">Preferences</a>.</p>`,
  );
}

export function invalidLinkPage(): string {
  return page(
    'Tautan tidak valid / Invalid link',
    `<h1>Tautan tidak valid</h1><p>Tautan berhenti berlangganan ini tidak valid atau rusak.</p>
<p class="en">This unsubscribe link is invalid or damaged.</p>`,
  );
}
