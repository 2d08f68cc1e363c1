import type { VersionContent } from './domain/question-spec';

// A question with its current version, as the bank lists it and the export writes it.

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

export interface QuestionRow {
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

export const QUESTION_SELECT = `
  SELECT q.id, q.seq, q.bank_id, q.category_id, q.tags, q.created_at, q.updated_at,
         v.id AS version_id, v.version_no, v.type, v.title, v.text, v.text_format,
         v.general_feedback, v.default_mark_hundredths, v.spec
    FROM questions q JOIN question_versions v ON v.id = q.current_version_id`;

export function contentOf(r: QuestionRow): VersionContent {
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

export function toQuestionView(r: QuestionRow): QuestionView {
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
