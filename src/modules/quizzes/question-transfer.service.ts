import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseQuestions, QuestionFormat, writeGift, writeMoodleXml } from '@app/question-formats';
import { AuthUser } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { CourseCatalog } from '../courses';
import { draftFromVersion, versionFromDraft } from './domain/question-spec';
import { QuestionBankService } from './question-bank.service';
import { contentOf, QUESTION_SELECT, QuestionRow } from './question-rows';

export interface ImportSummary {
  dryRun: boolean;
  created: number;
  categories: string[];
  questions: { line: number; type: string; title: string | null; category: string | null }[];
}

/** A course's question bank in and out of files: GIFT, Aiken and Moodle XML. */
@Injectable()
export class QuestionTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly bank: QuestionBankService,
    private readonly catalog: CourseCatalog,
  ) {}

  /** All or nothing: any error in the file and nothing is created. */
  async import(
    courseId: string,
    format: QuestionFormat,
    text: string,
    dryRun: boolean,
    actor: AuthUser,
  ): Promise<ImportSummary> {
    const bankId = await this.bank.bankId(courseId);
    const parsed = parseQuestions(format, text);
    if (parsed.errors.length) {
      throw new DomainError('IMPORT_INVALID', `The file has ${parsed.errors.length} error(s)`, {
        errors: parsed.errors,
      });
    }
    if (!parsed.questions.length) {
      throw new DomainError('IMPORT_INVALID', 'The file holds no questions', {
        errors: [{ line: 1, code: 'NO_QUESTIONS', message: 'No questions found.' }],
      });
    }
    const categories = [
      ...new Set(parsed.questions.map((q) => q.category).filter((c): c is string => !!c)),
    ];
    const summary: ImportSummary = {
      dryRun,
      created: dryRun ? 0 : parsed.questions.length,
      categories,
      questions: parsed.questions.map((q) => ({
        line: q.line,
        type: q.type,
        title: q.title ?? null,
        category: q.category ?? null,
      })),
    };
    if (dryRun) return summary;
    await this.dataSource.transaction(async (tx) => {
      const byName = new Map(
        (await this.bank.upsertCategories(tx, bankId, categories)).map((c) => [c.name, c.id]),
      );
      await this.bank.insertQuestions(
        tx,
        bankId,
        parsed.questions.map((q) => ({
          content: versionFromDraft(q),
          categoryId: q.category ? (byName.get(q.category) ?? null) : null,
          tags: q.tags,
        })),
        actor.id,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'question_bank.imported',
          entityType: 'course',
          entityId: courseId,
          data: { format, questions: parsed.questions.length },
        },
        tx,
      );
    });
    return summary;
  }

  async export(courseId: string, format: 'gift' | 'moodlexml'): Promise<string> {
    const bankId = await this.bank.bankId(courseId);
    const rows: (QuestionRow & { category: string | null })[] = await this.dataSource.query(
      `SELECT sub.*, c.name AS category FROM (${QUESTION_SELECT}
         WHERE q.bank_id = $1 AND q.deleted_at IS NULL) sub
         LEFT JOIN question_categories c ON c.id = sub.category_id
        ORDER BY sub.seq`,
      [bankId],
    );
    const drafts = rows.map((r) =>
      draftFromVersion(contentOf(r), { category: r.category ?? undefined, tags: r.tags }),
    );
    return format === 'gift' ? writeGift(drafts) : writeMoodleXml(drafts);
  }

  courseCode(courseId: string): Promise<string> {
    return this.catalog.courseCode(courseId);
  }
}
