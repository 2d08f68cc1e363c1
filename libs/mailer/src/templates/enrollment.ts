import { button, paragraph, strong } from '../layout';
import type { TemplateDefinition } from './template-definition';

export const enrollmentDueSoon: TemplateDefinition = {
  category: 'reminder',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const dueAt = format.date(data.date('dueAt'));
    const daysLeft = format.days(data.integer('daysLeft', 1));
    const courseUrl = data.link('courseUrl');

    if (format.locale === 'id') {
      return {
        subject: `Pengingat: "${courseTitle}" jatuh tempo dalam ${daysLeft}`,
        preheader: `Selesaikan pelatihan paling lambat ${dueAt}.`,
        heading: 'Tenggat pelatihan Anda sudah dekat',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Pelatihan ',
            strong(courseTitle),
            ` harus Anda selesaikan paling lambat ${dueAt} (${daysLeft} lagi).`,
          ),
          paragraph('Lanjutkan pembelajaran Anda sekarang agar tidak melewati tenggat.'),
          button('Lanjutkan pelatihan', courseUrl),
        ],
      };
    }
    return {
      subject: `Reminder: "${courseTitle}" is due in ${daysLeft}`,
      preheader: `Please complete the course by ${dueAt}.`,
      heading: 'Your course deadline is approaching',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph('Your course ', strong(courseTitle), ` is due on ${dueAt} (in ${daysLeft}).`),
        paragraph('Continue learning now so that you finish before the deadline.'),
        button('Continue the course', courseUrl),
      ],
    };
  },
};

export const enrollmentOverdue: TemplateDefinition = {
  category: 'reminder',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const dueAt = format.date(data.date('dueAt'));
    const daysOverdue = format.days(data.integer('daysOverdue', 1));
    const courseUrl = data.link('courseUrl');

    if (format.locale === 'id') {
      return {
        subject: `Terlambat: "${courseTitle}" melewati tenggat ${daysOverdue}`,
        preheader: `Tenggat pelatihan ini adalah ${dueAt}.`,
        heading: 'Tenggat pelatihan Anda sudah lewat',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Tenggat pelatihan ',
            strong(courseTitle),
            ` adalah ${dueAt} dan sudah terlewati ${daysOverdue}.`,
          ),
          paragraph('Mohon selesaikan pelatihan ini secepatnya.'),
          button('Selesaikan pelatihan', courseUrl),
        ],
      };
    }
    return {
      subject: `Overdue: "${courseTitle}" was due ${daysOverdue} ago`,
      preheader: `This course was due on ${dueAt}.`,
      heading: 'Your course is overdue',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph('The deadline for ', strong(courseTitle), ` was ${dueAt}, ${daysOverdue} ago.`),
        paragraph('Please complete the course as soon as possible.'),
        button('Complete the course', courseUrl),
      ],
    };
  },
};

export const inactivity: TemplateDefinition = {
  category: 'reminder',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const inactiveDays = format.days(data.integer('inactiveDays', 1));
    const courseUrl = data.link('courseUrl');

    if (format.locale === 'id') {
      return {
        subject: `Lanjutkan "${courseTitle}": ${inactiveDays} tanpa aktivitas`,
        preheader: 'Progres Anda tersimpan dan menunggu untuk dilanjutkan.',
        heading: 'Kami menunggu Anda kembali',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            'Anda belum membuka pelatihan ',
            strong(courseTitle),
            ` selama ${inactiveDays}.`,
          ),
          paragraph('Progres Anda tersimpan, jadi Anda dapat melanjutkan dari bagian terakhir.'),
          button('Lanjutkan belajar', courseUrl),
        ],
      };
    }
    return {
      subject: `Pick up "${courseTitle}" again: no activity for ${inactiveDays}`,
      preheader: 'Your progress is saved and waiting for you.',
      heading: 'We are waiting for you to come back',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph("You haven't opened ", strong(courseTitle), ` for ${inactiveDays}.`),
        paragraph('Your progress is saved, so you can continue right where you left off.'),
        button('Continue learning', courseUrl),
      ],
    };
  },
};

export const enrolledByHr: TemplateDefinition = {
  category: 'notification',
  render(data, format) {
    const learnerName = data.text('learnerName');
    const courseTitle = data.text('courseTitle');
    const dueAtDate = data.optionalDate('dueAt');
    const dueAt = dueAtDate && format.date(dueAtDate);
    const organizationName = data.text('organizationName');
    const courseUrl = data.link('courseUrl');

    if (format.locale === 'id') {
      const deadline = dueAt
        ? `Selesaikan pelatihan ini paling lambat ${dueAt}.`
        : 'Pelatihan ini tidak memiliki tenggat waktu.';
      return {
        subject: `Anda didaftarkan ke pelatihan "${courseTitle}"`,
        preheader: `${organizationName} mendaftarkan Anda ke pelatihan baru.`,
        heading: 'Anda terdaftar di pelatihan baru',
        blocks: [
          paragraph(`Halo ${learnerName},`),
          paragraph(
            `${organizationName} telah mendaftarkan Anda ke pelatihan `,
            strong(courseTitle),
            '.',
          ),
          paragraph(deadline),
          button('Mulai pelatihan', courseUrl),
        ],
      };
    }
    const deadline = dueAt
      ? `Please complete it by ${dueAt}.`
      : 'There is no deadline for this course.';
    return {
      subject: `You have been enrolled in "${courseTitle}"`,
      preheader: `${organizationName} enrolled you in a new course.`,
      heading: 'You are enrolled in a new course',
      blocks: [
        paragraph(`Hello ${learnerName},`),
        paragraph(`${organizationName} has enrolled you in `, strong(courseTitle), '.'),
        paragraph(deadline),
        button('Start the course', courseUrl),
      ],
    };
  },
};
