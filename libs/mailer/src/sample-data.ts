import type { TemplateName } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Realistic data for previewing a template in the admin UI. Links are paths, which renderEmail
 * resolves against ctx.publicBaseUrl; dates are relative to `now` so the wording stays plausible.
 */
export function sampleTemplateData(
  name: TemplateName,
  now: Date = new Date(),
): Record<string, unknown> {
  const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const learner = { learnerName: 'Siti Rahayu', courseTitle: 'Ahli K3 Umum' };
  const courseUrl = '/courses/ahli-k3-umum';
  const certificateNumber = 'K3U/2025/00142';

  switch (name) {
    case 'enrollment_due_soon':
      return { ...learner, dueAt: daysFromNow(3), daysLeft: 3, courseUrl };
    case 'enrollment_overdue':
      return { ...learner, dueAt: daysFromNow(-5), daysOverdue: 5, courseUrl };
    case 'inactivity':
      return { ...learner, inactiveDays: 14, courseUrl };
    case 'certificate_expiring':
      return {
        ...learner,
        certificateNumber,
        expiresAt: daysFromNow(30),
        daysLeft: 30,
        renewUrl: '/courses/ahli-k3-umum-resertifikasi',
      };
    case 'certificate_expired':
      return {
        ...learner,
        certificateNumber,
        expiredAt: daysFromNow(-2),
        renewUrl: '/courses/ahli-k3-umum-resertifikasi',
      };
    case 'certificate_issued':
      return {
        ...learner,
        certificateNumber,
        verifyUrl: '/verify/K3U-2025-00142',
        downloadUrl: '/certificates/K3U-2025-00142/download',
      };
    case 'essay_graded':
      return {
        ...learner,
        quizTitle: 'Evaluasi Modul 4: Identifikasi Bahaya dan Penilaian Risiko',
        scorePercent: 87.5,
        reviewUrl: '/courses/ahli-k3-umum/quizzes/modul-4/attempts/latest',
      };
    case 'enrolled_by_hr':
      return {
        learnerName: 'Agus Wibowo',
        courseTitle: 'K3 Bekerja di Ketinggian',
        dueAt: daysFromNow(30),
        organizationName: 'PT Konstruksi Nusantara Jaya',
        courseUrl: '/courses/k3-bekerja-di-ketinggian',
      };
    case 'invitation':
      return {
        recipientName: 'Agus Wibowo',
        invitedBy: 'PT Konstruksi Nusantara Jaya',
        setPasswordUrl: '/set-password?token=preview',
        expiresAt: daysFromNow(3),
      };
    case 'password_reset':
      return {
        recipientName: 'Agus Wibowo',
        resetUrl: '/reset-password?token=preview',
        expiresAt: new Date(now.getTime() + 60 * 60 * 1000).toISOString(),
      };
    case 'hr_weekly_digest':
      return {
        hrName: 'Dewi Lestari',
        organizationName: 'PT Konstruksi Nusantara Jaya',
        overdue: [
          {
            learnerName: 'Agus Wibowo',
            courseTitle: 'K3 Bekerja di Ketinggian',
            dueAt: daysFromNow(-4),
          },
          { learnerName: 'Rina Marlina', courseTitle: 'K3 Listrik', dueAt: daysFromNow(-11) },
        ],
        expiring: [
          {
            learnerName: 'Budi Santoso',
            courseTitle: 'Operator Forklift',
            certificateNumber: 'OPF/2022/00871',
            expiresAt: daysFromNow(21),
          },
        ],
        reportUrl: '/reports/compliance',
      };
  }
}
