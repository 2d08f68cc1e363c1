import { Text } from '@mantine/core';

/** The signed-in user's name in the header (inside the user menu's button once it has loaded). */
export function UserName({ name }: { name: string | undefined }) {
  return (
    <Text fw={500} size="sm" truncate maw={140} component="span" display="block">
      {name ?? '…'}
    </Text>
  );
}
