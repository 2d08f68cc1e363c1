import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  ErrorCollector,
  parseQuestions,
  QuestionDraft,
  QuestionFormat,
  writeGift,
  validateQuestion,
  writeMoodleXml,
} from '@app/question-formats';

import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import { CourseAccess } from '../courses';
import { draftFromVersion, VersionContent, versionFromDraft } from './domain/question-spec';
import { ListQuestionsQueryDto, QuestionInputDto } from './dto/question.dto';
import { QuestionBank, QuestionCategory } from './entities/question-bank.entity';
import { Question, QuestionVersion } from './entities/question.entity';

export interface QuestionView extends VersionContent {
  id: string;
  bankId: string;
  categoryId: string | null;
  tags: string[];
  versionId: string;
  versionNo: number;
  defaultMark: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ImportSummary {
  dryRun: boolean;
  created: number;
  categories: string[];
  questions: { line: number; type: string; title: string | null; category: string | null }[];
}

interface QuestionRow {
  id: string;
  seq: number;
  bank_id: string;
  category_id: string | null;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  version_id: string;
  version_no: number;
  type: VersionContent['type'];
  title: string | null;
  text: string;
  text_format: string;
  general_feedback: string | null;
  default_mark_hundredths: number;
  spec: VersionContent['spec'];
}

const QUESTION_SELECT = `
  SELECT q.id, q.seq, q.bank_id, q.category_id, q.tags, q.created_at, q.updated_at,
         v.id AS version_id, v.version_no, v.type, v.title, v.text, v.text_format,
         v.general_feedback, v.default_mark_hundredths, v.spec
    FROM questions q JOIN question_versions v ON v.id = q.current_version_id`;

const INSERT_CHUNK = 500;

@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CourseAccess,
  ) {}

  /** The course's bank, created on first use. */
  async bankId(
    courseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [course] = await manager.query('SELECT id FROM courses WHERE id = $1', [courseId]);
    if (!course) throw notFound('Course');
    await manager.query(
      'INSERT INTO question_banks (course_id) VALUES ($1) ON CONFLICT (course_id) DO NOTHING',
      [courseId],
    );
    const bank = await manager.findOneByOrFail(QuestionBank, { courseId });
    return bank.id;
  }

  async listCategories(courseId: string) {
    const bankId = await this.bankId(courseId);
    const rows: { id: string; name: string; questions: number }[] = await this.dataSource.query(
      `SELECT c.id, c.name,
              (SELECT count(*)::int FROM questions q
                WHERE q.category_id = c.id AND q.deleted_at IS NULL) AS questions
         FROM question_categories c WHERE c.bank_id = $1 ORDER BY c.name LIMIT 1000`,
      [bankId],
    );
    return { items: rows };
  }

  async createCategory(courseId: string, name: string) {
    const bankId = await this.bankId(courseId);
    const [id] = await this.upsertCategories(this.dataSource.manager, bankId, [name.trim()]);
    return { id: id.id, name: id.name };
  }

  async list(courseId: string, query: ListQuestionsQueryDto): Promise<Page<QuestionView>> {
    const bankId = await this.bankId(courseId);
    const params: unknown[] = [bankId];
    const where = ['q.bank_id = $1', 'q.deleted_at IS NULL'];
    if (query.categoryId) {
      params.push(query.categoryId);
      where.push(`q.category_id = $${params.length}`);
    }
    if (query.tag) {
      params.push(query.tag);
      where.push(`$${params.length} = ANY(q.tags)`);
    }
    const after = decodeCursor(query.cursor, ['int']);
    if (after) {
      params.push(after[0]);
      where.push(`q.seq > $${params.length}`);
    }
    params.push(query.limit + 1);
    const rows: QuestionRow[] = await this.dataSource.query(
      `${QUESTION_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY q.seq LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.seq]);
    return { items: page.items.map(toQuestionView), nextCursor: page.nextCursor };
  }

  /** Questions live in a course's bank: only that course's staff (and admins) reach them. */
  async get(questionId: string, actor?: AuthUser): Promise<QuestionView> {
    if (actor) await this.assertQuestionStaff(questionId, actor);
    const [row]: QuestionRow[] = await this.dataSource.query(
      `${QUESTION_SELECT} WHERE q.id = $1 AND q.deleted_at IS NULL`,
      [questionId],
    );
    if (!row) throw notFound('Question');
    return toQuestionView(row);
  }

  async create(courseId: string, dto: QuestionInputDto, actor: AuthUser): Promise<QuestionView> {
    const content = this.validated(dto);
    const id = await this.dataSource.transaction(async (tx) => {
      const bankId = await this.bankId(courseId, tx);
      await this.assertCategory(tx, bankId, dto.categoryId);
      const [questionId] = await this.insertQuestions(
        tx,
        bankId,
        [{ content, categoryId: dto.categoryId ?? null, tags: dto.tags ?? [] }],
        actor.id,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'question.created',
          entityType: 'question',
          entityId: questionId,
        },
        tx,
      );
      return questionId;
    });
    return this.get(id);
  }

  /** Every edit is a new version: attempts that showed the old one keep it. */
  async update(questionId: string, dto: QuestionInputDto, actor: AuthUser): Promise<QuestionView> {
    await this.assertQuestionStaff(questionId, actor);
    await this.dataSource.transaction(async (tx) => {
      const [current] = await tx.query(
        `SELECT q.id, q.bank_id, v.spec, v.version_no FROM questions q
           JOIN question_versions v ON v.id = q.current_version_id
          WHERE q.id = $1 AND q.deleted_at IS NULL FOR UPDATE OF q`,
        [questionId],
      );
      if (!current) throw notFound('Question');
      await this.assertCategory(tx, current.bank_id, dto.categoryId);
      const content = this.validated(dto, current.spec);
      const versionId = randomUUID();
      await tx.insert(QuestionVersion, {
        id: versionId,
        questionId,
        versionNo: current.version_no + 1,
        ...content,
        createdById: actor.id,
      });
      await tx.update(
        Question,
        { id: questionId },
        { currentVersionId: versionId, categoryId: dto.categoryId ?? null, tags: dto.tags ?? [] },
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'question.updated',
          entityType: 'question',
          entityId: questionId,
          data: { versionNo: current.version_no + 1 },
        },
        tx,
      );
    });
    return this.get(questionId);
  }

  async remove(questionId: string, actor: AuthUser): Promise<void> {
    await this.assertQuestionStaff(questionId, actor);
    const result = await this.dataSource.manager.update(
      Question,
      { id: questionId, deletedAt: IsNull() },
      { deletedAt: new Date() },
    );
    if (!result.affected) throw notFound('Question');
    await this.audit.record({
      actorId: actor.id,
      action: 'question.deleted',
      entityType: 'question',
      entityId: questionId,
    });
  }

  private async assertQuestionStaff(questionId: string, actor: AuthUser): Promise<void> {
    const [row]: { course_id: string }[] = await this.dataSource.query(
      `SELECT b.course_id FROM questions q JOIN question_banks b ON b.id = q.bank_id
        WHERE q.id = $1 AND q.deleted_at IS NULL`,
      [questionId],
    );
    if (!row) throw notFound('Question');
    await this.access.assertStaff(actor, row.course_id);
  }

  /** All or nothing: any error in the file and nothing is created. */
  async import(
    courseId: string,
    format: QuestionFormat,
    text: string,
    dryRun: boolean,
    actor: AuthUser,
  ): Promise<ImportSummary> {
    const bankId = await this.bankId(courseId);
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
        (await this.upsertCategories(tx, bankId, categories)).map((c) => [c.name, c.id]),
      );
      await this.insertQuestions(
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
    const bankId = await this.bankId(courseId);
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

  async courseCode(courseId: string): Promise<string> {
    const [row] = await this.dataSource.query('SELECT code FROM courses WHERE id = $1', [courseId]);
    if (!row) throw notFound('Course');
    return row.code;
  }

  private validated(dto: QuestionInputDto, previous?: VersionContent['spec']): VersionContent {
    const draft = toDraft(dto);
    const errors = new ErrorCollector();
    validateQuestion(draft, errors);
    if (draft.numericalAnswers?.some((a) => !Number.isFinite(a.value))) {
      errors.add(
        1,
        'NUMERICAL_MISSING_VALUE',
        'Give each numerical answer a value or a min and max.',
      );
    }
    if (errors.count) {
      throw new DomainError('QUESTION_INVALID', 'The question is not valid', {
        errors: errors.sorted().map(({ code, message }) => ({ code, message })),
      });
    }
    return versionFromDraft(
      { ...draft, options: dto.options, matchingPairs: dto.matchingPairs },
      previous,
    );
  }

  private async assertCategory(tx: EntityManager, bankId: string, categoryId?: string) {
    if (categoryId && !(await tx.existsBy(QuestionCategory, { id: categoryId, bankId }))) {
      throw notFound('Category');
    }
  }

  private async upsertCategories(
    tx: EntityManager,
    bankId: string,
    names: string[],
  ): Promise<{ id: string; name: string }[]> {
    if (!names.length) return [];
    try {
      await tx.query(
        `INSERT INTO question_categories (bank_id, name) SELECT $1, unnest($2::varchar[])
         ON CONFLICT (bank_id, name) DO NOTHING`,
        [bankId, names],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'Category created concurrently');
      throw e;
    }
    return tx.query(
      'SELECT id, name FROM question_categories WHERE bank_id = $1 AND name = ANY($2::varchar[])',
      [bankId, names],
    );
  }

  private async insertQuestions(
    tx: EntityManager,
    bankId: string,
    items: { content: VersionContent; categoryId: string | null; tags: string[] }[],
    actorId: string,
  ): Promise<string[]> {
    const rows = items.map((item) => ({ ...item, id: randomUUID(), versionId: randomUUID() }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await tx.insert(
        Question,
        chunk.map((r) => ({
          id: r.id,
          bankId,
          categoryId: r.categoryId,
          tags: r.tags,
          currentVersionId: r.versionId,
          deletedAt: null,
        })),
      );
      await tx.insert(
        QuestionVersion,
        chunk.map((r) => ({
          id: r.versionId,
          questionId: r.id,
          versionNo: 1,
          ...r.content,
          createdById: actorId,
        })),
      );
    }
    return rows.map((r) => r.id);
  }
}

function toDraft(dto: QuestionInputDto): QuestionDraft {
  return {
    type: dto.type,
    title: dto.title,
    text: dto.text,
    textFormat: dto.textFormat ?? 'markdown',
    generalFeedback: dto.generalFeedback,
    defaultMark: dto.defaultMark,
    tags: dto.tags ?? [],
    options: dto.options?.map(({ text, fraction, feedback }) => ({ text, fraction, feedback })),
    correctAnswer: dto.correctAnswer,
    feedbackTrue: dto.feedbackTrue,
    feedbackFalse: dto.feedbackFalse,
    acceptedAnswers: dto.acceptedAnswers,
    caseSensitive: dto.caseSensitive,
    numericalAnswers: dto.numericalAnswers?.map((a) => {
      const ranged = a.min !== undefined && a.max !== undefined;
      return {
        value: ranged ? (a.min! + a.max!) / 2 : (a.value ?? Number.NaN),
        tolerance: ranged ? Math.abs(a.max! - a.min!) / 2 : (a.tolerance ?? 0),
        fraction: a.fraction,
        ...(a.feedback ? { feedback: a.feedback } : {}),
      };
    }),
    matchingPairs: dto.matchingPairs?.map(({ prompt, answer }) => ({ prompt, answer })),
    line: 1,
  };
}

function contentOf(r: QuestionRow): VersionContent {
  return {
    type: r.type,
    title: r.title,
    text: r.text,
    textFormat: r.text_format,
    generalFeedback: r.general_feedback,
    defaultMarkHundredths: r.default_mark_hundredths,
    spec: r.spec,
  };
}

function toQuestionView(r: QuestionRow): QuestionView {
  return {
    id: r.id,
    bankId: r.bank_id,
    categoryId: r.category_id,
    tags: r.tags,
    versionId: r.version_id,
    versionNo: r.version_no,
    ...contentOf(r),
    defaultMark: r.default_mark_hundredths / 100,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
