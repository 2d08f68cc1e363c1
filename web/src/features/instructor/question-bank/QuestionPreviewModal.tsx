import { Box, Card, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { Loading } from '../../common/Loading';
import { QuestionInput } from '../../learner/quiz/QuestionInput';
import type { Response } from '../../learner/quiz/quiz-logic';
import { BankErrorAlert } from './BankErrorAlert';

/**
 * The question exactly as a learner sees it in an attempt: the learner's own question component,
 * fed the server's learner view (which never holds the answers). Answers picked here go nowhere.
 */
export function QuestionPreviewModal({
  questionId,
  onClose,
}: {
  questionId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!questionId}
      onClose={onClose}
      title={t('questionBank.preview.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('questionBank.common.close') }}
    >
      {questionId && <PreviewBody questionId={questionId} />}
    </Modal>
  );
}

function PreviewBody({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [answer, setAnswer] = useState<Response | undefined>();
  const preview = useQuery({
    queryKey: ['bank-question-preview', questionId],
    queryFn: () => api.bankQuestionPreview(questionId),
    gcTime: 0,
  });
  if (preview.isPending) return <Loading />;
  if (preview.error) return <BankErrorAlert error={preview.error} />;
  const question = preview.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('questionBank.preview.hint')}
      </Text>
      <Card
        withBorder
        radius="md"
        padding="lg"
        component="section"
        aria-labelledby={headingId}
        data-preview
      >
        <Stack gap="sm">
          <Text fw={600} c="dimmed" size="sm">
            {t('quiz.questionOf', { number: 1, total: 1 })}
          </Text>
          <Box
            id={headingId}
            className="lesson-html quiz-question-text"
            dangerouslySetInnerHTML={{ __html: question.text }}
          />
          <QuestionInput
            question={question}
            value={answer}
            labelId={headingId}
            onChange={(r) => setAnswer(r)}
            onBlur={() => undefined}
          />
        </Stack>
      </Card>
    </Stack>
  );
}
