import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { hrDigestKey } from './domain/reminder-keys';
import {
  DIGEST_HR_USERS_SQL,
  DIGEST_ORGANIZATIONS_SQL,
  digestExpiringSql,
  digestOverdueSql,
} from './mail-queries';
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
      const orgs = (await this.dataSource.query(DIGEST_ORGANIZATIONS_SQL, [cursor, ORG_PAGE])) as {
        id: string;
        name: string;
      }[];
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
    const hrUsers = (await this.dataSource.query(DIGEST_HR_USERS_SQL, [org.id])) as HrRow[];
    if (hrUsers.length === 0) return [];
    const overdue = (await this.dataSource.query(digestOverdueSql(MAX_ROWS), [
      org.id,
      now.toISOString(),
    ])) as TitledRow[];
    const expiring = withCertificates ? await this.expiringThisMonth(org.id, now) : [];
    if (overdue.length === 0 && expiring.length === 0) return [];
    return this.insertDigests(org, hrUsers, overdue, expiring, now);
  }

  private async expiringThisMonth(organizationId: string, now: Date): Promise<TitledRow[]> {
    return (await this.dataSource.query(digestExpiringSql(MAX_ROWS), [
      organizationId,
      now.toISOString(),
      this.config.timeZone,
    ])) as TitledRow[];
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
