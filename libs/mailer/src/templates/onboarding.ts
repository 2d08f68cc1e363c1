import { button, paragraph, strong } from '../layout';
import type { TemplateDefinition } from './template-definition';

/** Account invitation with a one-time set-password link (transactional). */
export const invitation: TemplateDefinition = {
  category: 'transactional',
  render(data, format) {
    const recipientName = data.text('recipientName');
    const invitedBy = data.text('invitedBy');
    const setPasswordUrl = data.link('setPasswordUrl');
    const expiresAt = format.dateTime(data.date('expiresAt'));

    if (format.locale === 'id') {
      return {
        subject: `${invitedBy} mengundang Anda ke K3 LMS`,
        preheader: `Buat kata sandi Anda sebelum ${expiresAt}.`,
        heading: 'Aktifkan akun pelatihan Anda',
        blocks: [
          paragraph(`Halo ${recipientName},`),
          paragraph(
            strong(invitedBy),
            ' telah membuatkan akun pelatihan K3 untuk Anda. Buat kata sandi untuk mulai belajar.',
          ),
          button('Buat kata sandi', setPasswordUrl),
          paragraph(
            `Tautan ini hanya dapat dipakai sekali dan berlaku sampai ${expiresAt}. Jika sudah kedaluwarsa, minta HR Anda mengirim undangan baru.`,
          ),
        ],
        footerReason:
          'Anda menerima e-mail ini karena akun dibuat atas nama Anda; e-mail layanan ini tidak dapat dihentikan langganannya.',
      };
    }
    return {
      subject: `${invitedBy} invited you to K3 LMS`,
      preheader: `Set your password before ${expiresAt}.`,
      heading: 'Activate your training account',
      blocks: [
        paragraph(`Hello ${recipientName},`),
        paragraph(
          strong(invitedBy),
          ' has created a K3 training account for you. Set a password to start learning.',
        ),
        button('Set your password', setPasswordUrl),
        paragraph(
          `This link works once and is valid until ${expiresAt}. If it has expired, ask your HR contact to send a new invitation.`,
        ),
      ],
      footerReason:
        'You are receiving this e-mail because an account was created in your name; this service e-mail cannot be unsubscribed from.',
    };
  },
};

/** "Forgot password" reset link (transactional). */
export const passwordReset: TemplateDefinition = {
  category: 'transactional',
  render(data, format) {
    const recipientName = data.text('recipientName');
    const resetUrl = data.link('resetUrl');
    const expiresAt = format.dateTime(data.date('expiresAt'));

    if (format.locale === 'id') {
      return {
        subject: 'Atur ulang kata sandi K3 LMS Anda',
        preheader: `Tautan berlaku sampai ${expiresAt}.`,
        heading: 'Atur ulang kata sandi',
        blocks: [
          paragraph(`Halo ${recipientName},`),
          paragraph('Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda.'),
          button('Atur ulang kata sandi', resetUrl),
          paragraph(
            `Tautan ini hanya dapat dipakai sekali dan berlaku sampai ${expiresAt}. Setelah kata sandi diganti, semua sesi yang masih masuk akan keluar.`,
          ),
          paragraph(
            'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.',
          ),
        ],
        footerReason:
          'Anda menerima e-mail ini karena ada permintaan atur ulang kata sandi untuk alamat ini; e-mail layanan ini tidak dapat dihentikan langganannya.',
      };
    }
    return {
      subject: 'Reset your K3 LMS password',
      preheader: `The link is valid until ${expiresAt}.`,
      heading: 'Reset your password',
      blocks: [
        paragraph(`Hello ${recipientName},`),
        paragraph('We received a request to reset the password of your account.'),
        button('Reset your password', resetUrl),
        paragraph(
          `This link works once and is valid until ${expiresAt}. Once the password is changed, every signed-in session is signed out.`,
        ),
        paragraph("If you didn't ask for this, ignore this e-mail; your password stays the same."),
      ],
      footerReason:
        'You are receiving this e-mail because a password reset was requested for this address; this service e-mail cannot be unsubscribed from.',
    };
  },
};
