import { DataSource } from 'typeorm';
import { registerDemoCourseSeeder } from './demo-seed';

const DEMO_COURSE_CODE = 'AK3U-DEMO';

const MODULES = [
  {
    titleId: 'Dasar-dasar K3',
    titleEn: 'K3 fundamentals',
    lessons: [
      {
        type: 'text',
        titleId: 'Peraturan perundangan K3 (UU No. 1 Tahun 1970)',
        titleEn: 'K3 legislation (Law No. 1 of 1970)',
        minSeconds: 120,
        content: {
          markdown:
            '# UU No. 1 Tahun 1970 tentang Keselamatan Kerja\n\n' +
            'Undang-undang ini mengatur **kewajiban pengurus** dan **hak tenaga kerja** ' +
            'dalam keselamatan kerja di semua tempat kerja.\n\n' +
            '- Syarat-syarat keselamatan kerja (Pasal 3)\n- Pengawasan (Pasal 5)\n- Kewajiban pengurus (Pasal 14)',
        },
      },
      {
        type: 'video',
        titleId: 'Identifikasi bahaya dan penilaian risiko (HIRADC)',
        titleEn: 'Hazard identification and risk assessment (HIRADC)',
        minSeconds: 300,
        content: { videoUrl: 'https://video.k3-lms.local/hiradc.mp4', durationSeconds: 300 },
      },
    ],
  },
  {
    titleId: 'Alat pelindung diri',
    titleEn: 'Personal protective equipment',
    lessons: [
      {
        type: 'text',
        titleId: 'Memilih dan merawat APD',
        titleEn: 'Choosing and caring for PPE',
        minSeconds: 120,
        content: {
          markdown:
            '## Hirarki pengendalian\n\nAPD adalah **pilihan terakhir** setelah eliminasi, ' +
            'substitusi, rekayasa teknik dan pengendalian administratif.',
        },
      },
    ],
  },
];

/**
 * The published demo course "Ahli K3 Umum" (AK3U), written straight to the tables so the
 * seed runs without the Nest context (`npm run seed:demo`). Idempotent by course code.
 */
async function seedDemoCourse(
  dataSource: DataSource,
  instructorId: string,
): Promise<string | null> {
  return dataSource.transaction(async (tx) => {
    const existing = await tx.query('SELECT id FROM courses WHERE code = $1', [DEMO_COURSE_CODE]);
    if (existing.length) return existing[0].id as string;
    const [course] = await tx.query(
      'INSERT INTO courses (code, created_by_id) VALUES ($1, $2) RETURNING id',
      [DEMO_COURSE_CODE, instructorId],
    );
    const [version] = await tx.query(
      `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en, description_id,
         description_en, competency_code, jp_hours, certificate_validity_months, language, tags,
         enrollment_mode, sequential, published_at)
       VALUES ($1, 1, 'published', 'Ahli K3 Umum (Demo)', 'General K3 Expert (Demo)',
         'Pembinaan calon Ahli K3 Umum: peraturan, identifikasi bahaya dan APD.',
         'Training for General K3 Experts: legislation, hazard identification and PPE.',
         'AK3U', 8, 36, 'id', '{k3,umum,demo}', 'open', true, now())
       RETURNING id`,
      [course.id],
    );
    for (const [moduleIndex, module] of MODULES.entries()) {
      const [moduleRow] = await tx.query(
        `INSERT INTO course_modules (course_version_id, position, title_id, title_en)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [version.id, moduleIndex + 1, module.titleId, module.titleEn],
      );
      for (const [lessonIndex, lesson] of module.lessons.entries()) {
        await tx.query(
          `INSERT INTO lessons (course_version_id, module_id, position, type, title_id, title_en,
             required, min_seconds, content)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7, $8)`,
          [
            version.id,
            moduleRow.id,
            lessonIndex + 1,
            lesson.type,
            lesson.titleId,
            lesson.titleEn,
            lesson.minSeconds,
            JSON.stringify(lesson.content),
          ],
        );
      }
    }
    return course.id as string;
  });
}

registerDemoCourseSeeder(seedDemoCourse);
