import type { Formatter } from '../format';
import type { EmailBody } from '../layout';
import type { TemplateDataReader } from '../template-data';
import type { TemplateCategory } from '../types';

export interface TemplateDefinition {
  category: TemplateCategory;
  /** Reads (and thereby validates) its data, then writes the body in format.locale. */
  render(data: TemplateDataReader, format: Formatter): EmailBody;
}
