import { Checkbox, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttemptQuestionView } from '../../../app/api';
import type { Response } from './quiz-logic';

interface Props {
  question: AttemptQuestionView;
  value: Response | undefined;
  /** `immediate` = a pick (save now); otherwise typing (save after a pause). */
  onChange: (response: Response, immediate: boolean) => void;
  onBlur: () => void;
  labelId: string;
}

/** Option and prompt texts are sanitised HTML from the server. */
const Html = ({ html }: { html: string }) => (
  <span className="quiz-inline-html" dangerouslySetInnerHTML={{ __html: html }} />
);

/** The form control for one question, labelled by the question text. */
export function QuestionInput({ question, value, onChange, onBlur, labelId }: Props) {
  const { t } = useTranslation();
  const options = question.options ?? [];
  switch (question.type) {
    case 'single_choice':
      return (
        <Radio.Group
          aria-labelledby={labelId}
          value={value?.type === 'single_choice' ? (value.optionId ?? '') : ''}
          onChange={(v) => onChange({ type: 'single_choice', optionId: v }, true)}
        >
          <Stack gap="sm" mt="xs">
            {options.map((o) => (
              <Radio key={o.id} value={o.id} label={<Html html={o.text} />} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'true_false': {
      const current = value?.type === 'true_false' ? value.answer : null;
      return (
        <Radio.Group
          aria-labelledby={labelId}
          value={current === null ? '' : String(current)}
          onChange={(v) => onChange({ type: 'true_false', answer: v === 'true' }, true)}
        >
          <Stack gap="sm" mt="xs">
            <Radio value="true" label={t('quiz.true')} />
            <Radio value="false" label={t('quiz.false')} />
          </Stack>
        </Radio.Group>
      );
    }
    case 'multiple_choice':
      return (
        <Checkbox.Group
          aria-labelledby={labelId}
          value={value?.type === 'multiple_choice' ? value.optionIds : []}
          onChange={(ids) => onChange({ type: 'multiple_choice', optionIds: ids }, true)}
        >
          <Stack gap="sm" mt="xs">
            {options.map((o) => (
              <Checkbox key={o.id} value={o.id} label={<Html html={o.text} />} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'matching': {
      const matches = value?.type === 'matching' ? value.matches : [];
      const pick = (pairId: string, answer: string) =>
        onChange(
          {
            type: 'matching',
            matches: [...matches.filter((m) => m.pairId !== pairId), { pairId, answer }],
          },
          true,
        );
      return (
        <Stack gap="sm" mt="xs">
          {(question.prompts ?? []).map((p) => (
            <NativeSelect
              key={p.id}
              label={<Html html={p.text} />}
              value={matches.find((m) => m.pairId === p.id)?.answer ?? ''}
              onChange={(e) => pick(p.id, e.currentTarget.value)}
              data={[
                { value: '', label: t('quiz.choose') },
                ...(question.choices ?? []).map((c) => ({ value: c, label: c })),
              ]}
            />
          ))}
        </Stack>
      );
    }
    case 'description':
      return null;
    default: {
      const type = question.type as 'short_answer' | 'numerical' | 'essay';
      const text = value && 'text' in value ? value.text : '';
      const change = (v: string) => onChange({ type, text: v }, false);
      if (type === 'essay') {
        return (
          <Textarea
            aria-labelledby={labelId}
            value={text}
            onChange={(e) => change(e.currentTarget.value)}
            onBlur={onBlur}
            autosize
            minRows={5}
            mt="xs"
          />
        );
      }
      return (
        <TextInput
          aria-labelledby={labelId}
          value={text}
          inputMode={type === 'numerical' ? 'decimal' : 'text'}
          description={type === 'numerical' ? t('quiz.numberHint') : undefined}
          onChange={(e) => change(e.currentTarget.value)}
          onBlur={onBlur}
          mt="xs"
          maw={420}
        />
      );
    }
  }
}
