import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { renderVersion, RenderedVersion } from './domain/learner-view';
import { VersionContent } from './domain/question-spec';

export interface CachedVersion {
  id: string;
  questionId: string;
  content: VersionContent;
  rendered: RenderedVersion;
}

const MAX_ENTRIES = 20_000;

/**
 * Question versions are immutable, so each process keeps them (parsed and rendered) after the
 * first read: a cohort starting the same quiz costs one version query, not one per learner.
 */
@Injectable()
export class VersionCache {
  private readonly entries = new Map<string, CachedVersion>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(ids: string[], manager?: EntityManager): Promise<Map<string, CachedVersion>> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length) {
      const rows: {
        id: string;
        question_id: string;
        type: VersionContent['type'];
        title: string | null;
        text: string;
        text_format: string;
        general_feedback: string | null;
        default_mark_hundredths: number;
        spec: VersionContent['spec'];
      }[] = await (manager ?? this.dataSource.manager).query(
        `SELECT id, question_id, type, title, text, text_format, general_feedback,
                default_mark_hundredths, spec
           FROM question_versions WHERE id = ANY($1::uuid[])`,
        [missing],
      );
      if (this.entries.size + rows.length > MAX_ENTRIES) this.entries.clear();
      for (const r of rows) {
        const content: VersionContent = {
          type: r.type,
          title: r.title,
          text: r.text,
          textFormat: r.text_format,
          generalFeedback: r.general_feedback,
          defaultMarkHundredths: r.default_mark_hundredths,
          spec: r.spec,
        };
        this.entries.set(r.id, {
          id: r.id,
          questionId: r.question_id,
          content,
          rendered: renderVersion(content),
        });
      }
    }
    const result = new Map<string, CachedVersion>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) result.set(id, entry);
    }
    return result;
  }
}
