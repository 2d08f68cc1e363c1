import { TextFormat } from '../model';

const FROM_MOODLE: Record<string, TextFormat> = {
  html: 'html',
  markdown: 'markdown',
  plain_text: 'plain',
  moodle_auto_format: 'moodle',
};

const TO_MOODLE: Record<TextFormat, string> = {
  html: 'html',
  markdown: 'markdown',
  plain: 'plain_text',
  moodle: 'moodle_auto_format',
};

export function textFormatFromMoodle(name: string): TextFormat | undefined {
  return Object.hasOwn(FROM_MOODLE, name) ? FROM_MOODLE[name] : undefined;
}

export function textFormatToMoodle(format: TextFormat): string {
  return TO_MOODLE[format] ?? 'html';
}
