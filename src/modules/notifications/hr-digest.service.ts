import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { hrDigestKey } from './domain/reminder-keys';
import { OutboxDispatcher } from './outbox-dispatcher';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const ORG_PAGE = 100;
/** Rows per list in one digest; the report link has the full picture. */
const MAX_ROWS = 50;

interface HrRow {
  id: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
}

/**
 * Weekly digest per organization to each of its HR users: overdue enrollments and certificates
 * expiring before the end of the current month (in TZ). Organizations with nothing to report
 * get no mail. One mail per HR user per ISO week.
 */
@Injectable()
export class HrDigestService {
  private readonly logger = new Logger(HrDigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly config: AppConfig,
  ) {}

  async run(now: Date = new Date()): Promise<{ organizations: number; queued: number }> {
    let cursor = NIL_UUID;
    let organizations = 0;
    let queued = 0;
    const [{ has_certificates: withCertificates }] = (await this.dataSource.query(
      "SELECT to_regclass('certificates') IS NOT NULL AS has_certificates",
    )) as { has_certificates: boolean }[];
    for (;;) {
      const orgs = (await this.dataSource.query(
        'SELECT id::text, name FROM organizations WHERE id > $1::uuid ORDER BY id LIMIT $2',
        [cursor, ORG_PAGE],
      )) as { id: string; name: string }[];
      for (const org of orgs) {
        const ids = await this.digestFor(org, now, withCertificates);
        if (ids.length) organizations += 1;
        queued += ids.length;
        await this.dispatcher.dispatch(ids);
      }
      if (orgs.length < ORG_PAGE) break;
      cursor = orgs[orgs.length - 1].id;
    }
    this.logger.log(
      `HR digest at ${now.toISOString()}: ${queued} mails for ${organizations} organizations`,
    );
    return { organizations, queued };
  }

  private async digestFor(
    org: { id: string; name: string },
    now: Date,
    withCertificates: boolean,
  ): Promise<string[]> {
    const hrUsers = (await this.dataSource.query(
      `SELECT id::text, email, name, locale FROM users
        WHERE organization_id = $1 AND role = 'hr' AND is_active ORDER BY id`,
      [org.id],
    )) as HrRow[];
    if (hrUsers.length === 0) return [];
    const overdue = (await this.dataSource.query(
      `SELECT u.name AS "learnerName", cv.title_id, cv.title_en, e.due_at AS "dueAt"
         FROM enrollments e
         JOIN users u ON u.id = e.user_id AND u.is_active
         JOIN course_versions cv ON cv.id = e.course_version_id
        WHERE e.organization_id = $1 AND e.status IN ('not_started', 'in_progress') AND e.due_at <= $2
        ORDER BY e.due_at, e.id LIMIT ${MAX_ROWS}`,
      [org.id, now.toISOString()],
    )) as TitledRow[];
    const expiring = withCertificates ? await this.expiringThisMonth(org.id, now) : [];
    if (overdue.length === 0 && expiring.length === 0) return [];
    return this.insertDigests(org, hrUsers, overdue, expiring, now);
  }

  private async expiringThisMonth(organizationId: string, now: Date): Promise<TitledRow[]> {
    return (await this.dataSource.query(
      `SELECT u.name AS "learnerName", c.course_title_id AS title_id, c.course_title_en AS title_en,
              c.number AS "certificateNumber", c.expires_at AS "expiresAt"
         FROM certificates c JOIN users u ON u.id = c.user_id AND u.is_active
        WHERE c.organization_id = $1 AND c.status = 'issued' AND c.expires_at > $2
          AND c.expires_at < ((date_trunc('month', $2::timestamptz AT TIME ZONE $3) + interval '1 month') AT TIME ZONE $3)
        ORDER BY c.expires_at, c.id LIMIT ${MAX_ROWS}`,
      [organizationId, now.toISOString(), this.config.timeZone],
    )) as TitledRow[];
  }

  private async insertDigests(
    org: { id: string; name: string },
    hrUsers: HrRow[],
    overdue: TitledRow[],
    expiring: TitledRow[],
    now: Date,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const hr of hrUsers) {
      const localize = ({ title_id, title_en, ...row }: TitledRow) => ({
        ...row,
        courseTitle: hr.locale === 'en' ? title_en : title_id,
      });
      const data = {
        hrName: hr.name,
        organizationName: org.name,
        overdue: overdue.map(localize),
        expiring: expiring.map(localize),
        reportUrl: '/reports/compliance',
      };
      const [row] = (await this.dataSource.query(
        `INSERT INTO email_outbox (user_id, recipient, template, locale, category, data, idempotency_key)
         VALUES ($1, $2, 'hr_weekly_digest', $3, 'digest', $4, $5)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id::text`,
        [hr.id, hr.email, hr.locale, JSON.stringify(data), hrDigestKey(hr.id, now)],
      )) as { id: string }[];
      if (row) ids.push(row.id);
    }
    return ids;
  }
}

interface TitledRow {
  title_id: string;
  title_en: string;
  [field: string]: unknown;
}
