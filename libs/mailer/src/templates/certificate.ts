import { button, paragraph, strong } from '../layout';
import type { TemplateDefinition } from './template-definition';

export const certificateExpiring: TemplateDefinition = {
  category: 'reminder',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const certificateNumber = data.text('certificateNumber');
    const expiresAt = format.date(data.date('expiresAt'));
    const daysLeft = format.days(data.integer('daysLeft', 1));
    const renewUrl = data.link('renewUrl');

    if (format.locale === 'id') {
      return {
        subject: `Sertifikat "${courseTitle}" akan kedaluwarsa dalam ${daysLeft}`,
        preheader: `Sertifikat nomor ${certificateNumber} berlaku sampai ${expiresAt}.`,
        heading: 'Sertifikat Anda akan segera kedaluwarsa',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Sertifikat Anda untuk ',
            strong(courseTitle),
            ` (nomor ${certificateNumber}) berlaku sampai ${expiresAt}, ${daysLeft} lagi.`,
          ),
          paragraph(
            'Ikuti resertifikasi sebelum tanggal tersebut agar kompetensi K3 Anda tetap diakui.',
          ),
          button('Perpanjang sertifikat', renewUrl),
        ],
      };
    }
    return {
      subject: `Your "${courseTitle}" certificate expires in ${daysLeft}`,
      preheader: `Certificate number ${certificateNumber} is valid until ${expiresAt}.`,
      heading: 'Your certificate expires soon',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph(
          'Your certificate for ',
          strong(courseTitle),
          ` (number ${certificateNumber}) is valid until ${expiresAt}, ${daysLeft} from now.`,
        ),
        paragraph(
          'Complete the recertification before then to keep your K3 competency recognised.',
        ),
        button('Renew the certificate', renewUrl),
      ],
    };
  },
};

export const certificateExpired: TemplateDefinition = {
  category: 'reminder',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const certificateNumber = data.text('certificateNumber');
    const expiredAt = format.date(data.date('expiredAt'));
    const renewUrl = data.link('renewUrl');

    if (format.locale === 'id') {
      return {
        subject: `Sertifikat "${courseTitle}" telah kedaluwarsa`,
        preheader: `Sertifikat nomor ${certificateNumber} kedaluwarsa pada ${expiredAt}.`,
        heading: 'Sertifikat Anda telah kedaluwarsa',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Sertifikat Anda untuk ',
            strong(courseTitle),
            ` (nomor ${certificateNumber}) telah kedaluwarsa pada ${expiredAt}.`,
          ),
          paragraph(
            'Sertifikat yang kedaluwarsa tidak lagi berlaku sebagai bukti kompetensi. Ikuti resertifikasi untuk memperbaruinya.',
          ),
          button('Ikuti resertifikasi', renewUrl),
        ],
      };
    }
    return {
      subject: `Your "${courseTitle}" certificate has expired`,
      preheader: `Certificate number ${certificateNumber} expired on ${expiredAt}.`,
      heading: 'Your certificate has expired',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph(
          'Your certificate for ',
          strong(courseTitle),
          ` (number ${certificateNumber}) expired on ${expiredAt}.`,
        ),
        paragraph(
          'An expired certificate is no longer valid proof of competency. Complete the recertification to renew it.',
        ),
        button('Start recertification', renewUrl),
      ],
    };
  },
};

export const certificateIssued: TemplateDefinition = {
  category: 'transactional',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const certificateNumber = data.text('certificateNumber');
    const verifyUrl = data.link('verifyUrl');
    const downloadUrl = data.link('downloadUrl');

    if (format.locale === 'id') {
      return {
        subject: `Sertifikat "${courseTitle}" telah terbit`,
        preheader: `Selamat! Sertifikat nomor ${certificateNumber} siap diunduh.`,
        heading: 'Selamat, sertifikat Anda telah terbit',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Selamat, Anda telah menyelesaikan pelatihan ',
            strong(courseTitle),
            `. Sertifikat Anda bernomor ${certificateNumber}.`,
          ),
          button('Unduh sertifikat (PDF)', downloadUrl),
          paragraph(
            'Siapa pun, misalnya pemberi kerja atau auditor, dapat memeriksa keaslian sertifikat ini melalui halaman verifikasi:',
          ),
          button('Verifikasi sertifikat', verifyUrl),
        ],
      };
    }
    return {
      subject: `Your "${courseTitle}" certificate has been issued`,
      preheader: `Congratulations! Certificate number ${certificateNumber} is ready to download.`,
      heading: 'Congratulations, your certificate has been issued',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph(
          'Congratulations on completing ',
          strong(courseTitle),
          `. Your certificate number is ${certificateNumber}.`,
        ),
        button('Download the certificate (PDF)', downloadUrl),
        paragraph(
          'Anyone, such as an employer or an auditor, can check that this certificate is genuine on the verification page:',
        ),
        button('Verify the certificate', verifyUrl),
      ],
    };
  },
};
