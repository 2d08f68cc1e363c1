import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  newNumeric,
  newOption,
  newPair,
  positiveWeightSum,
  type FieldProblems,
  type NumericRow,
  type OptionRow,
  type PairRow,
  type QuestionForm,
} from './question-form';

type Change = (patch: Partial<QuestionForm>) => void;

/** The translated text of the server's problems for one field, or undefined. */
export function useProblemText(problems: FieldProblems) {
  const { t, i18n } = useTranslation();
  return (key: string): string | undefined => {
    const list = problems[key];
    if (!list?.length) return undefined;
    return list
      .map((p) => {
        const k = `questionBank.problems.${p.code}`;
        return i18n.exists(k) ? t(k) : p.message;
      })
      .join(' ');
  };
}

/** The problems of a whole list (e.g. "the weights must add up to 100%"), under the list. */
function ListProblem({ text, id }: { text: string | undefined; id: string }) {
  if (!text) return null;
  return (
    <Alert color="red" variant="light" id={id} role="alert" data-field-problem>
      {text}
    </Alert>
  );
}

function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
      size="lg"
    >
      <span aria-hidden>×</span>
    </ActionIcon>
  );
}

function WeightedRows({
  field,
  rows,
  minWeight,
  onChange,
  problems,
  itemLabel,
}: {
  field: 'options' | 'acceptedAnswers';
  rows: OptionRow[];
  minWeight: number;
  onChange: (rows: OptionRow[]) => void;
  problems: FieldProblems;
  itemLabel: (n: number) => string;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  const set = (index: number, patch: Partial<OptionRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const label = itemLabel(index + 1);
        return (
          <Card withBorder padding="sm" key={row.key} component="fieldset" aria-label={label}>
            <Stack gap="xs">
              <Group align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={label}
                  value={row.text}
                  onChange={(e) => set(index, { text: e.currentTarget.value })}
                  error={problem(`${field}.${index}`)}
                  style={{ flex: '1 1 240px' }}
                />
                <NumberInput
                  label={t('questionBank.form.weight')}
                  value={row.weight}
                  onChange={(v) => set(index, { weight: v })}
                  min={minWeight}
                  max={100}
                  suffix="%"
                  decimalScale={3}
                  w={130}
                />
                <RemoveButton
                  label={t('questionBank.form.remove', { item: label })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  disabled={rows.length <= 1}
                />
              </Group>
              <TextInput
                label={t('questionBank.form.answerFeedback')}
                value={row.feedback}
                onChange={(e) => set(index, { feedback: e.currentTarget.value })}
              />
            </Stack>
          </Card>
        );
      })}
      <ListProblem text={problem(field)} id={`${field}-problem`} />
      <Group>
        <Button variant="light" onClick={() => onChange([...rows, newOption(0)])}>
          {field === 'options'
            ? t('questionBank.form.addOption')
            : t('questionBank.form.addAnswer')}
        </Button>
      </Group>
    </Stack>
  );
}

function NumericRows({
  rows,
  onChange,
  problems,
}: {
  rows: NumericRow[];
  onChange: (rows: NumericRow[]) => void;
  problems: FieldProblems;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  const set = (index: number, patch: Partial<NumericRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const label = t('questionBank.form.numberN', { n: index + 1 });
        const itemProblem = problem(`numericalAnswers.${index}`);
        return (
          <Card withBorder padding="sm" key={row.key} component="fieldset" aria-label={label}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={500}>{label}</Text>
                <RemoveButton
                  label={t('questionBank.form.remove', { item: label })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  disabled={rows.length <= 1}
                />
              </Group>
              <SegmentedControl
                value={row.mode}
                onChange={(v) => set(index, { mode: v as NumericRow['mode'] })}
                aria-label={t('questionBank.form.numberMode', { n: index + 1 })}
                data={[
                  { value: 'tolerance', label: t('questionBank.form.modeTolerance') },
                  { value: 'range', label: t('questionBank.form.modeRange') },
                ]}
              />
              <Group align="flex-start" wrap="wrap" gap="sm">
                {row.mode === 'tolerance' ? (
                  <>
                    <NumberInput
                      label={t('questionBank.form.value')}
                      value={row.value}
                      onChange={(v) => set(index, { value: v })}
                      error={itemProblem}
                      w={180}
                    />
                    <NumberInput
                      label={t('questionBank.form.tolerance')}
                      value={row.tolerance}
                      onChange={(v) => set(index, { tolerance: v })}
                      min={0}
                      w={150}
                    />
                  </>
                ) : (
                  <>
                    <NumberInput
                      label={t('questionBank.form.min')}
                      value={row.min}
                      onChange={(v) => set(index, { min: v })}
                      error={itemProblem}
                      w={150}
                    />
                    <NumberInput
                      label={t('questionBank.form.max')}
                      value={row.max}
                      onChange={(v) => set(index, { max: v })}
                      w={150}
                    />
                  </>
                )}
                <NumberInput
                  label={t('questionBank.form.weight')}
                  value={row.weight}
                  onChange={(v) => set(index, { weight: v })}
                  min={0}
                  max={100}
                  suffix="%"
                  w={130}
                />
              </Group>
              <TextInput
                label={t('questionBank.form.answerFeedback')}
                value={row.feedback}
                onChange={(e) => set(index, { feedback: e.currentTarget.value })}
              />
            </Stack>
          </Card>
        );
      })}
      <ListProblem text={problem('numericalAnswers')} id="numericalAnswers-problem" />
      <Group>
        <Button variant="light" onClick={() => onChange([...rows, { ...newNumeric(), weight: 0 }])}>
          {t('questionBank.form.addAnswer')}
        </Button>
      </Group>
    </Stack>
  );
}

function PairRows({
  rows,
  onChange,
  problems,
}: {
  rows: PairRow[];
  onChange: (rows: PairRow[]) => void;
  problems: FieldProblems;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  const set = (index: number, patch: Partial<PairRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const label = t('questionBank.form.pairN', { n: index + 1 });
        return (
          <Card withBorder padding="sm" key={row.key} component="fieldset" aria-label={label}>
            <Group align="flex-start" wrap="wrap" gap="sm">
              <TextInput
                label={t('questionBank.form.prompt', { n: index + 1 })}
                value={row.prompt}
                onChange={(e) => set(index, { prompt: e.currentTarget.value })}
                style={{ flex: '1 1 200px' }}
              />
              <TextInput
                label={t('questionBank.form.match', { n: index + 1 })}
                value={row.answer}
                onChange={(e) => set(index, { answer: e.currentTarget.value })}
                error={problem(`matchingPairs.${index}`)}
                style={{ flex: '1 1 200px' }}
              />
              <RemoveButton
                label={t('questionBank.form.remove', { item: label })}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                disabled={rows.length <= 1}
              />
            </Group>
          </Card>
        );
      })}
      <ListProblem text={problem('matchingPairs')} id="matchingPairs-problem" />
      <Group>
        <Button variant="light" onClick={() => onChange([...rows, newPair()])}>
          {t('questionBank.form.addPair')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The fields only the chosen type has, with its rules in words. */
export function QuestionTypeFields({
  form,
  onChange,
  problems,
}: {
  form: QuestionForm;
  onChange: Change;
  problems: FieldProblems;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  switch (form.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const single = form.type === 'single_choice';
      return (
        <Stack gap="sm">
          <Text size="sm" id="weight-rule">
            {single ? t('questionBank.rules.single') : t('questionBank.rules.multiple')}
          </Text>
          {!single && (
            <Text size="sm" fw={500} role="status">
              {t('questionBank.rules.positiveSum', { sum: positiveWeightSum(form.options) })}
            </Text>
          )}
          <WeightedRows
            field="options"
            rows={form.options}
            minWeight={-100}
            onChange={(options) => onChange({ options })}
            problems={problems}
            itemLabel={(n) => t('questionBank.form.optionN', { n })}
          />
        </Stack>
      );
    }
    case 'true_false':
      return (
        <Stack gap="sm">
          <Radio.Group
            label={t('questionBank.form.correctAnswer')}
            value={form.correctAnswer}
            onChange={(v) => onChange({ correctAnswer: v as QuestionForm['correctAnswer'] })}
            error={problem('correctAnswer')}
          >
            <Group mt="xs">
              <Radio value="true" label={t('quiz.true')} />
              <Radio value="false" label={t('quiz.false')} />
            </Group>
          </Radio.Group>
          <TextInput
            label={t('questionBank.form.feedbackTrue')}
            value={form.feedbackTrue}
            onChange={(e) => onChange({ feedbackTrue: e.currentTarget.value })}
          />
          <TextInput
            label={t('questionBank.form.feedbackFalse')}
            value={form.feedbackFalse}
            onChange={(e) => onChange({ feedbackFalse: e.currentTarget.value })}
          />
        </Stack>
      );
    case 'short_answer':
      return (
        <Stack gap="sm">
          <Text size="sm">{t('questionBank.rules.shortAnswer')}</Text>
          <Checkbox
            label={t('questionBank.form.caseSensitive')}
            checked={form.caseSensitive}
            onChange={(e) => onChange({ caseSensitive: e.currentTarget.checked })}
          />
          <WeightedRows
            field="acceptedAnswers"
            rows={form.acceptedAnswers}
            minWeight={0}
            onChange={(acceptedAnswers) => onChange({ acceptedAnswers })}
            problems={problems}
            itemLabel={(n) => t('questionBank.form.acceptedN', { n })}
          />
        </Stack>
      );
    case 'numerical':
      return (
        <Stack gap="sm">
          <Text size="sm">{t('questionBank.rules.numerical')}</Text>
          <NumericRows
            rows={form.numericalAnswers}
            onChange={(numericalAnswers) => onChange({ numericalAnswers })}
            problems={problems}
          />
        </Stack>
      );
    case 'matching':
      return (
        <Stack gap="sm">
          <Text size="sm">{t('questionBank.rules.matching')}</Text>
          <PairRows
            rows={form.matchingPairs}
            onChange={(matchingPairs) => onChange({ matchingPairs })}
            problems={problems}
          />
        </Stack>
      );
    case 'essay':
      return <Text size="sm">{t('questionBank.rules.essay')}</Text>;
    default:
      return <Text size="sm">{t('questionBank.rules.description')}</Text>;
  }
}
