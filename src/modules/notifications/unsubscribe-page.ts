import type { PreferenceCategory } from './domain/categories';

const CATEGORY_LABELS: Record<PreferenceCategory, { id: string; en: string }> = {
  reminder: { id: 'pengingat pelatihan dan sertifikat', en: 'training and certificate reminders' },
  digest: { id: 'ringkasan mingguan HR', en: 'weekly HR digests' },
  notification: { id: 'pemberitahuan pelatihan', en: 'training notifications' },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933}
p.en{color:#52606d}button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#b91c1c;color:#fff;cursor:pointer}</style>
</head><body>${body}</body></html>`;
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
