import { Badge, Button, Group, NavLink, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CategoryListView } from '../../../app/api';
import { BankErrorAlert } from './BankErrorAlert';
import { categoryTree, type CategoryNode } from './question-form';

/**
 * The bank's categories as a tree ("Parent/Child" names), each with its question count; picking
 * one filters the list. A parent that exists only as a prefix is a heading, not a filter.
 */
export function CategoryTree({
  courseId,
  categories,
  selected,
  onSelect,
}: {
  courseId: string;
  categories: CategoryListView['items'];
  selected: string | null;
  onSelect: (categoryId: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api.createBankCategory(courseId, name.trim()),
    onSuccess: async (category) => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['bank', courseId, 'categories'] });
      onSelect(category.id);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  const render = (node: CategoryNode) => {
    const category = node.category;
    return (
      <NavLink
        key={node.path}
        component="button"
        type="button"
        label={node.label}
        description={category ? undefined : t('questionBank.categories.group')}
        rightSection={
          category ? (
            <Badge
              variant="light"
              c="dark.8"
              miw="max-content"
              px={8}
              aria-label={t('questionBank.categories.count', { count: category.questions })}
            >
              {category.questions}
            </Badge>
          ) : undefined
        }
        active={!!category && category.id === selected}
        aria-current={category && category.id === selected ? 'true' : undefined}
        onClick={() => category && onSelect(category.id)}
        opened
        childrenOffset="md"
        disabled={!category && node.children.length === 0}
      >
        {node.children.length ? node.children.map(render) : undefined}
      </NavLink>
    );
  };
  return (
    <Stack gap="sm">
      <nav aria-label={t('questionBank.categories.label')}>
        <NavLink
          component="button"
          type="button"
          label={t('questionBank.categories.all')}
          active={selected === null}
          aria-current={selected === null ? 'true' : undefined}
          onClick={() => onSelect(null)}
        />
        {categoryTree(categories).map(render)}
      </nav>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput
            label={t('questionBank.categories.new')}
            description={t('questionBank.categories.newHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={500}
          />
          <Group>
            <Button
              type="submit"
              variant="light"
              loading={create.isPending}
              disabled={!name.trim()}
            >
              {t('questionBank.categories.create')}
            </Button>
          </Group>
          {create.error && <BankErrorAlert error={create.error} />}
        </Stack>
      </form>
    </Stack>
  );
}
