import { Module } from '@nestjs/common';
import { MarkdownController } from './markdown.controller';

/** The markdown preview for authors (rendered and sanitised by src/common/text/render-markdown). */
@Module({ controllers: [MarkdownController] })
export class MarkdownModule {}
