import { applyDecorators, Type } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/** `{ items: T[], nextCursor }`: a keyset page of `item`, named `<Item>Page` in the document. */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; nextCursor: string | null }> {
  let page = pages.get(item);
  if (!page) {
    class Page {
      @ApiProperty({ type: [item] }) items!: T[];
      @ApiProperty({ type: String, nullable: true, description: 'null on the last page' })
      nextCursor!: string | null;
    }
    Object.defineProperty(Page, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
    page = Page;
    pages.set(item, page);
  }
  return page as Type<{ items: T[]; nextCursor: string | null }>;
}

/** A file download: `status` with the given content types, each a binary string. */
export const ApiFileResponse = (contentTypes: string[], description: string, status = 200) =>
  applyDecorators(
    ApiResponse({
      status,
      description,
      content: Object.fromEntries(
        contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );
