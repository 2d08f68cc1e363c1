// Public surface of the markdown module.
export { MarkdownModule } from './markdown.module';
