import { type Inline, link } from './layout';
import type { Locale, TemplateCategory } from './types';

type UnsubscribableCategory = Exclude<TemplateCategory, 'transactional'>;

const SUBSCRIPTION_NAME: Record<Locale, Record<UnsubscribableCategory, string>> = {
  id: {
    reminder: 'pengingat pelatihan',
    digest: 'ringkasan mingguan',
    notification: 'notifikasi pelatihan',
  },
  en: {
    reminder: 'course reminders',
    digest: 'weekly summaries',
    notification: 'course notifications',
  },
};

export interface FooterOptions {
  locale: Locale;
  category: TemplateCategory;
  senderHost: string;
  /** Already validated and absolute; ignored for transactional mails. */
  unsubscribeUrl: string | null;
  /** Transactional mails: the template's own reason for being sent. */
  reason?: string;
}

export function buildFooter({
  locale,
  category,
  senderHost,
  unsubscribeUrl,
  reason,
}: FooterOptions): Inline[][] {
  const automated =
    locale === 'id'
      ? `E-mail ini dikirim otomatis oleh ${senderHost}. Mohon tidak membalas e-mail ini.`
      : `This e-mail was sent automatically by ${senderHost}. Please do not reply to it.`;

  if (category === 'transactional') {
    const whyNoUnsubscribe =
      reason ??
      (locale === 'id'
        ? 'Anda menerima e-mail ini karena sertifikat diterbitkan atas nama Anda; e-mail layanan ini tidak dapat dihentikan langganannya.'
        : 'You are receiving this e-mail because a certificate was issued in your name; this service e-mail cannot be unsubscribed from.');
    return [[automated], [whyNoUnsubscribe]];
  }

  if (!unsubscribeUrl) return [[automated]];
  const subscription = SUBSCRIPTION_NAME[locale][category];
  const unsubscribe =
    locale === 'id'
      ? [
          `Anda menerima e-mail ini karena berlangganan ${subscription}. `,
          link(`Berhenti berlangganan ${subscription}`, unsubscribeUrl),
        ]
      : [
          `You are receiving this e-mail because you are subscribed to ${subscription}. `,
          link(`Unsubscribe from ${subscription}`, unsubscribeUrl),
        ];
  return [[automated], unsubscribe];
}
