import { type Block, button, heading, type Inline, list, paragraph, strong } from '../layout';
import type { TemplateDefinition } from './template-definition';

/** Longer lists are cut here so that a large organisation does not get a multi-megabyte mail. */
export const DIGEST_MAX_ROWS_PER_SECTION = 50;

interface OverdueRow {
  learnerName: string;
  courseTitle: string;
  dueAt: Date;
}

interface ExpiringRow {
  learnerName: string;
  courseTitle: string;
  certificateNumber: string;
  expiresAt: Date;
}

export const hrWeeklyDigest: TemplateDefinition = {
  category: 'digest',
  render(data, format) {
    const hrName = data.text('hrName');
    const organizationName = data.text('organizationName');
    const overdue = data.list<OverdueRow>('overdue', (row) => ({
      learnerName: row.text('learnerName'),
      courseTitle: row.text('courseTitle'),
      dueAt: row.date('dueAt'),
    }));
    const expiring = data.list<ExpiringRow>('expiring', (row) => ({
      learnerName: row.text('learnerName'),
      courseTitle: row.text('courseTitle'),
      certificateNumber: row.text('certificateNumber'),
      expiresAt: row.date('expiresAt'),
    }));
    const reportUrl = data.link('reportUrl');

    if (format.locale === 'id') {
      return {
        subject: `Ringkasan mingguan K3 ${organizationName}: ${overdue.length} pelatihan terlambat, ${expiring.length} sertifikat segera kedaluwarsa`,
        preheader: `${overdue.length} pelatihan terlambat dan ${expiring.length} sertifikat segera kedaluwarsa.`,
        heading: `Ringkasan mingguan pelatihan K3 ${organizationName}`,
        blocks: [
          paragraph(`Halo ${hrName},`),
          paragraph(`Berikut ringkasan kepatuhan pelatihan K3 di ${organizationName} minggu ini.`),
          heading(`Pelatihan terlambat (${overdue.length})`),
          ...section(
            overdue.map((row) => [
              strong(row.learnerName),
              ` — ${row.courseTitle} (tenggat ${format.date(row.dueAt)})`,
            ]),
            'Tidak ada pelatihan yang terlambat.',
            (hidden) => `… dan ${hidden} lainnya di laporan lengkap.`,
          ),
          heading(`Sertifikat segera kedaluwarsa (${expiring.length})`),
          ...section(
            expiring.map((row) => [
              strong(row.learnerName),
              ` — ${row.courseTitle}, nomor ${row.certificateNumber} (kedaluwarsa ${format.date(row.expiresAt)})`,
            ]),
            'Tidak ada sertifikat yang akan kedaluwarsa dalam waktu dekat.',
            (hidden) => `… dan ${hidden} lainnya di laporan lengkap.`,
          ),
          button('Buka laporan lengkap', reportUrl),
        ],
      };
    }
    return {
      subject: `Weekly K3 summary for ${organizationName}: ${overdue.length} overdue, ${countEn(expiring.length, 'certificate')} expiring`,
      preheader: `${countEn(overdue.length, 'overdue course')} and ${countEn(expiring.length, 'certificate')} expiring soon.`,
      heading: `Weekly K3 training summary for ${organizationName}`,
      blocks: [
        paragraph(`Hello ${hrName},`),
        paragraph(`Here is this week's K3 training compliance summary for ${organizationName}.`),
        heading(`Overdue courses (${overdue.length})`),
        ...section(
          overdue.map((row) => [
            strong(row.learnerName),
            ` — ${row.courseTitle} (due ${format.date(row.dueAt)})`,
          ]),
          'No courses are overdue.',
          (hidden) => `… and ${hidden} more in the full report.`,
        ),
        heading(`Certificates expiring soon (${expiring.length})`),
        ...section(
          expiring.map((row) => [
            strong(row.learnerName),
            ` — ${row.courseTitle}, number ${row.certificateNumber} (expires ${format.date(row.expiresAt)})`,
          ]),
          'No certificates are expiring soon.',
          (hidden) => `… and ${hidden} more in the full report.`,
        ),
        button('Open the full report', reportUrl),
      ],
    };
  },
};

function countEn(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function section(
  rows: Inline[][],
  emptyText: string,
  moreText: (hidden: number) => string,
): Block[] {
  if (rows.length === 0) return [paragraph(emptyText)];
  const shown = rows.slice(0, DIGEST_MAX_ROWS_PER_SECTION);
  const hidden = rows.length - shown.length;
  return hidden > 0 ? [list(shown), paragraph(moreText(hidden))] : [list(shown)];
}
