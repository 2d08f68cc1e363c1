import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

const TONES: Record<string, string> = {
  draft: 'yellow',
  published: 'teal',
  archived: 'gray',
  superseded: 'gray',
  owner: 'blue',
  co_instructor: 'gray',
};

/** A light badge whose text stays dark (Mantine's light-variant text is below 4.5:1). */
export function StatusBadge({ tone, children }: { tone: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={TONES[tone] ?? 'gray'} c="dark.8" miw="max-content">
      {children}
    </Badge>
  );
}
