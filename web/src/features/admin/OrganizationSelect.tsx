import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

const SEARCH_DELAY_MS = 250;
const organizationKey = (id: string) => ['admin-organization', id] as const;

/**
 * Picks an organization by typing part of its name or code: the server searches, so every
 * organization can be found however many there are. The field posts the id under `name`.
 */
export function OrganizationSelect({
  name,
  label,
  placeholder,
  defaultValue,
  required = false,
  w,
}: {
  name: string;
  label: string;
  placeholder: string;
  defaultValue?: string | null;
  required?: boolean;
  w?: Parameters<typeof Select>[0]['w'];
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(defaultValue || null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DELAY_MS);
  const found = useQuery({
    queryKey: ['admin-organization-search', debounced],
    queryFn: () => {
      const params = new URLSearchParams({ limit: '20' });
      if (debounced.trim()) params.set('search', debounced.trim());
      return api.organizations(params);
    },
    placeholderData: keepPreviousData,
  });
  const selected = useQuery({
    queryKey: organizationKey(value ?? ''),
    queryFn: () => api.organization(value!),
    enabled: Boolean(value),
  });
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (selected.data && !options.some((o) => o.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }
  return (
    <Select
      name={name}
      label={label}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={setValue}
      searchable
      clearable={!required}
      required={required}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        found.isFetching ? undefined : t('admin.organizationSelect.nothingFound')
      }
      w={w}
    />
  );
}

/** Names of the organizations `ids` refer to, each fetched once and cached. */
export function useOrganizationNames(ids: (string | null)[]) {
  const distinct = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: distinct.map((id) => ({
      queryKey: organizationKey(id),
      queryFn: () => api.organization(id),
    })),
  });
  const names = new Map<string, string>();
  for (const result of results) if (result.data) names.set(result.data.id, result.data.name);
  return (id: string | null) => (id ? (names.get(id) ?? null) : null);
}
