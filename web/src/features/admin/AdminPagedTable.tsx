import { Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import { CursorPager } from '../common/CursorPager';
import { Loading } from '../common/Loading';
import { AdminErrorAlert } from './AdminErrorAlert';

/**
 * One page of an admin list: loading, the error with a retry, the empty sentence, or the table
 * (column headers, one `row` per item), then the pager.
 */
export function AdminPagedTable<T>({
  list,
  pager,
  empty,
  columns,
  row,
  label,
}: {
  list: UseQueryResult<{ items: T[] }>;
  pager: ComponentProps<typeof CursorPager>;
  empty: string;
  columns: string[];
  row: (item: T) => ReactNode;
  label?: string;
}) {
  return (
    <>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <AdminErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder verticalSpacing="sm" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th scope="col" key={column}>
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.data.items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager {...pager} />
    </>
  );
}
