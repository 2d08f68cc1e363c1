import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 20;

/**
 * A keyset-paged admin list whose filters and cursor live in the page's URL: `filterKeys` are
 * passed to the API as they are; changing a filter goes back to the first page.
 */
export function usePagedList<T>(
  name: string,
  filterKeys: readonly string[],
  fetchPage: (params: URLSearchParams) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const [params, setParams] = useSearchParams();
  const apiParams = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) apiParams.set(key, value);
  }
  const cursor = params.get('cursor');
  if (cursor) apiParams.set('cursor', cursor);
  const list = useQuery({
    queryKey: [name, apiParams.toString()],
    queryFn: () => fetchPage(apiParams),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const setFilters = (filters: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters))
      if (value.trim()) next.set(key, value.trim());
    setParams(next);
  };
  const withCursor = (nextCursor: string | null) => {
    const next = new URLSearchParams(params);
    if (nextCursor) next.set('cursor', nextCursor);
    else next.delete('cursor');
    setParams(next);
  };
  return {
    list,
    params,
    setFilters,
    pager: {
      onFirst: cursor ? () => withCursor(null) : undefined,
      nextCursor: list.data?.nextCursor,
      onNext: withCursor,
    },
  };
}
