import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ErrorCollector, validateQuestion } from '@app/question-formats';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { escapeLike } from '../../common/text/like-pattern';
import { isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import { CourseAccess, CourseCatalog } from '../courses';
import { buildSnapshot } from './domain/attempt-rules';
import { fieldErrors, virtualItemLines } from './domain/question-error-fields';
import { toDraft } from './domain/question-input';
import { learnerQuestion, renderVersion, type LearnerQuestion } from './domain/learner-view';
import { VersionContent, versionFromDraft } from './domain/question-spec';
import { ListQuestionsQueryDto, QuestionInputDto } from './dto/question.dto';
import { QuestionBank, QuestionCategory } from './entities/question-bank.entity';
import { Question, QuestionVersion } from './entities/question.entity';
import { QUESTION_SELECT, QuestionRow, QuestionView, toQuestionView } from './question-rows';

const INSERT_CHUNK = 500;

/** A course's question bank: categories and questions, each edit a new version. */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CourseAccess,
    private readonly catalog: CourseCatalog,
  ) {}

  /** The course's bank, created on first use. */
  async bankId(
    courseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    await this.catalog.assertCourseExists(courseId, manager);
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
    if (query.type) {
      params.push(query.type);
      where.push(`v.type = $${params.length}`);
    }
    const search = query.search?.trim();
    if (search) {
      params.push(`%${escapeLike(search)}%`);
      where.push(`(v.title ILIKE $${params.length} OR v.text ILIKE $${params.length})`);
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

  /**
   * The current version as a learner sees it in an attempt of a quiz that keeps the authored
   * answer order (matching answers are shuffled as always): no answer key, no feedback.
   */
  async learnerPreview(questionId: string, actor: AuthUser): Promise<LearnerQuestion> {
    const question = await this.get(questionId, actor);
    const rendered = renderVersion(question);
    const [item] = buildSnapshot(
      [
        {
          questionId: question.id,
          versionId: question.versionId,
          type: question.type,
          optionIds: (question.spec.options ?? []).map((o) => o.id),
          matchingAnswerCount: rendered.answers.length,
        },
      ],
      false,
      Math.random,
    );
    return learnerQuestion(item, 0, rendered);
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

  private validated(dto: QuestionInputDto, previous?: VersionContent['spec']): VersionContent {
    const draft = toDraft(dto);
    const errors = new ErrorCollector();
    const lines = virtualItemLines(draft);
    validateQuestion(draft, errors, lines);
    draft.numericalAnswers?.forEach((a, index) => {
      if (!Number.isFinite(a.value)) {
        errors.add(
          lines.numericalAnswers?.[index] ?? 1,
          'NUMERICAL_MISSING_VALUE',
          'Give each numerical answer a value or a min and max.',
        );
      }
    });
    if (errors.count) {
      throw new DomainError('QUESTION_INVALID', 'The question is not valid', {
        errors: fieldErrors(draft.type, errors.sorted()),
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

  /** Also used by the import. */
  async upsertCategories(
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

  /** Also used by the import: inserts in chunks, each question with its first version. */
  async insertQuestions(
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
