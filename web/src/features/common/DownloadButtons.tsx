import { Button, Group, Text } from '@mantine/core';
import type { DownloadState } from '../../app/use-download';
import { DownloadProgressLine } from './DownloadProgressLine';

export interface DownloadChoice<K extends string> {
  kind: K;
  label: string;
  primary?: boolean;
}

/**
 * A labelled row of download buttons that share one download at a time (the running one shows
 * its spinner, the others wait), with the progress line under it.
 */
export function DownloadButtons<K extends string>({
  label,
  state,
  choices,
  onStart,
}: {
  label: string;
  state: DownloadState;
  choices: DownloadChoice<K>[];
  onStart: (kind: K) => void;
}) {
  return (
    <>
      <Group gap="sm" align="center" wrap="wrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {choices.map((choice) => (
          <Button
            key={choice.kind}
            variant={choice.primary ? 'filled' : 'light'}
            onClick={() => onStart(choice.kind)}
            loading={state.running === choice.kind}
            disabled={state.running !== null}
          >
            {choice.label}
          </Button>
        ))}
      </Group>
      <DownloadProgressLine state={state} />
    </>
  );
}
