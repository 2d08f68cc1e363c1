import { sanitizeSubject } from './escape';
import { buildFooter } from './footer';
import { createFormatter } from './format';
import { renderHtml, renderText } from './layout';
import { normalizePublicBaseUrl, resolveLinkUnderBase } from './links';
import { TemplateDataReader } from './template-data';
import { TEMPLATES } from './templates';
import type { RenderContext, RenderedEmail, TemplateCategory, TemplateName } from './types';

export const TEMPLATE_NAMES: readonly TemplateName[] = Object.freeze(
  Object.keys(TEMPLATES) as TemplateName[],
);

export function templateCategory(name: TemplateName): TemplateCategory {
  return templateDefinition(name).category;
}

/**
 * Renders a mail in ctx.locale. Throws TemplateDataError when `data` misses a field the template
 * needs, TypeError when the context itself is unusable (unknown template/locale, bad URLs).
 */
export function renderEmail(
  name: TemplateName,
  data: Record<string, unknown>,
  ctx: RenderContext,
): RenderedEmail {
  const definition = templateDefinition(name);
  if (ctx.locale !== 'id' && ctx.locale !== 'en') {
    throw new TypeError(`Unsupported e-mail locale "${String(ctx.locale)}"`);
  }
  const baseUrl = normalizePublicBaseUrl(ctx.publicBaseUrl);
  const unsubscribeUrl = ctx.unsubscribeUrl
    ? resolveLinkUnderBase(ctx.unsubscribeUrl, baseUrl)
    : null;
  if (ctx.unsubscribeUrl && !unsubscribeUrl) {
    throw new TypeError(`unsubscribeUrl must be a path or a URL under ${baseUrl}`);
  }

  const format = createFormatter(ctx.locale, ctx.timeZone);
  const body = definition.render(new TemplateDataReader(name, data, baseUrl), format);
  const subject = sanitizeSubject(body.subject);
  const footer = buildFooter({
    locale: ctx.locale,
    category: definition.category,
    senderHost: new URL(baseUrl).host,
    unsubscribeUrl,
    reason: body.footerReason,
  });
  return {
    subject,
    html: renderHtml({ ...body, subject }, footer, ctx.locale),
    text: renderText({ ...body, subject }, footer),
  };
}

function templateDefinition(name: TemplateName) {
  if (!Object.hasOwn(TEMPLATES, name)) throw new TypeError(`Unknown e-mail template "${name}"`);
  return TEMPLATES[name];
}
