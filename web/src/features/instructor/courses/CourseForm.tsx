import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type CreateCourseDto, type VersionView } from '../../../app/api';
import { CourseErrorAlert } from './CourseErrorAlert';
import { READABLE_ERRORS } from './form-style';
import { useUnsavedChanges } from './use-unsaved-changes';
import { useDeviceDraft } from '../../common/device-draft';

export interface CourseFormValues {
  code: string;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  competencyCode: string;
  jpHours: number | string;
  certificateValidityMonths: number | string;
  language: 'id' | 'en';
  tags: string[];
  enrollmentMode: 'open' | 'assigned';
  sequential: boolean;
}

type Field = keyof CourseFormValues;

export const EMPTY_COURSE: CourseFormValues = {
  code: '',
  titleId: '',
  titleEn: '',
  descriptionId: '',
  descriptionEn: '',
  competencyCode: '',
  jpHours: '',
  certificateValidityMonths: 0,
  language: 'id',
  tags: [],
  enrollmentMode: 'open',
  sequential: false,
};

export function valuesOf(code: string, v: VersionView): CourseFormValues {
  return {
    code,
    titleId: v.titleId,
    titleEn: v.titleEn,
    descriptionId: v.descriptionId,
    descriptionEn: v.descriptionEn,
    competencyCode: v.competencyCode,
    jpHours: v.jpHours,
    certificateValidityMonths: v.certificateValidityMonths,
    language: v.language === 'en' ? 'en' : 'id',
    tags: v.tags,
    enrollmentMode: v.enrollmentMode,
    sequential: v.sequential,
  };
}

/** The request body; numbers left empty are sent as they are so the server names the field. */
export function bodyOf(values: CourseFormValues): CreateCourseDto {
  const { code, ...fields } = values;
  const num = (v: number | string) => (v === '' ? (v as unknown as number) : Number(v));
  return {
    code: code.trim(),
    ...fields,
    titleId: fields.titleId.trim(),
    titleEn: fields.titleEn.trim(),
    competencyCode: fields.competencyCode.trim(),
    jpHours: num(fields.jpHours),
    certificateValidityMonths: num(fields.certificateValidityMonths),
  };
}

/** The server's VALIDATION_FAILED details (and a taken code) as a message per field. */
function fieldErrorsOf(error: unknown): Partial<Record<Field, true>> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'COURSE_CODE_TAKEN') return { code: true };
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {};
  const fields: Partial<Record<Field, true>> = {};
  for (const detail of error.details as { field?: string }[]) {
    const field = detail.field?.split('.')[0] as Field | undefined;
    if (field && field in EMPTY_COURSE) fields[field] = true;
  }
  return fields;
}

/**
 * A course's details, Indonesian and English side by side. The code is set once, at creation.
 * Server validation lands on the field it names; leaving with unsaved changes asks first.
 */
export function CourseForm<Saved>({
  initial,
  draftName,
  creating,
  saving,
  error,
  onSubmit,
  onSaved,
  onCancel,
}: {
  initial: CourseFormValues;
  /** Where this form's unsaved values are kept on the device (see useDeviceDraft). */
  draftName: string;
  creating: boolean;
  saving: boolean;
  error: unknown;
  /** Saves; rejects on failure (the error comes back through `error`). */
  onSubmit: (values: CourseFormValues) => Promise<Saved>;
  /** After a successful save; a navigation from here is not blocked. */
  onSaved?: (saved: Saved) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState<CourseFormValues | null>(null);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const guard = useUnsavedChanges(dirty);
  const deviceDraft = useDeviceDraft(draftName, values, dirty, setValues);

  // Field errors belong to what was sent: editing a field clears its message.
  const serverErrors = fieldErrorsOf(error);
  const errorOf = (field: Field) =>
    serverErrors[field] && submitted && submitted[field] === values[field]
      ? t(
          error instanceof ApiError && error.code === 'COURSE_CODE_TAKEN'
            ? 'instructorCourses.fieldErrors.codeTaken'
            : `instructorCourses.fieldErrors.${field}`,
        )
      : undefined;
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  const set =
    <K extends Field>(field: K) =>
    (value: CourseFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const text = (field: Field) => ({
    name: field,
    value: values[field] as string,
    onChange: (e: { currentTarget: { value: string } }) =>
      set(field)(e.currentTarget.value as never),
    error: errorOf(field),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(values);
    onSubmit(values).then(
      (saved) => {
        deviceDraft.discard();
        guard.allowNext();
        onSaved?.(saved);
      },
      () => undefined,
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('instructorCourses.form.label')}
      style={READABLE_ERRORS}
    >
      <Stack gap="lg">
        {deviceDraft.notice}
        {creating && (
          <TextInput
            {...text('code')}
            label={t('instructorCourses.fields.code')}
            description={t('instructorCourses.fields.codeHint')}
            required
            maw={360}
          />
        )}
        <Fieldset legend={t('instructorCourses.form.titles')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              {...text('titleId')}
              label={t('instructorCourses.fields.titleId')}
              required
              lang="id"
            />
            <TextInput
              {...text('titleEn')}
              label={t('instructorCourses.fields.titleEn')}
              required
              lang="en"
            />
            <Textarea
              {...text('descriptionId')}
              label={t('instructorCourses.fields.descriptionId')}
              autosize
              minRows={3}
              lang="id"
            />
            <Textarea
              {...text('descriptionEn')}
              label={t('instructorCourses.fields.descriptionEn')}
              autosize
              minRows={3}
              lang="en"
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('instructorCourses.form.competency')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              {...text('competencyCode')}
              label={t('instructorCourses.fields.competencyCode')}
              description={t('instructorCourses.fields.competencyCodeHint')}
              required
            />
            <NumberInput
              name="jpHours"
              label={t('instructorCourses.fields.jpHours')}
              description={t('instructorCourses.fields.jpHoursHint')}
              value={values.jpHours}
              onChange={set('jpHours')}
              allowDecimal={false}
              allowNegative={false}
              required
              error={errorOf('jpHours')}
            />
            <NumberInput
              name="certificateValidityMonths"
              label={t('instructorCourses.fields.validity')}
              description={t('instructorCourses.fields.validityHint')}
              value={values.certificateValidityMonths}
              onChange={set('certificateValidityMonths')}
              allowDecimal={false}
              allowNegative={false}
              error={errorOf('certificateValidityMonths')}
            />
            <Select
              name="language"
              label={t('instructorCourses.fields.language')}
              data={[
                { value: 'id', label: t('instructorCourses.language.id') },
                { value: 'en', label: t('instructorCourses.language.en') },
              ]}
              value={values.language}
              onChange={(v) => v && set('language')(v as 'id' | 'en')}
              allowDeselect={false}
              error={errorOf('language')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('instructorCourses.form.enrollment')}>
          <Stack gap="md">
            <TagsInput
              label={t('instructorCourses.fields.tags')}
              description={t('instructorCourses.fields.tagsHint')}
              value={values.tags}
              onChange={set('tags')}
              maxTags={20}
              clearable
              error={errorOf('tags')}
            />
            <Radio.Group
              name="enrollmentMode"
              label={t('instructorCourses.fields.enrollmentMode')}
              value={values.enrollmentMode}
              onChange={(v) => set('enrollmentMode')(v as 'open' | 'assigned')}
              error={errorOf('enrollmentMode')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="open" label={t('instructorCourses.enrollmentMode.open')} />
                <Radio value="assigned" label={t('instructorCourses.enrollmentMode.assigned')} />
              </Stack>
            </Radio.Group>
            <Checkbox
              name="sequential"
              label={t('instructorCourses.fields.sequential')}
              checked={values.sequential}
              onChange={(e) => set('sequential')(e.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>
        {error != null && !hasFieldErrors && <CourseErrorAlert error={error} />}
        {hasFieldErrors && <CourseErrorAlert error={new ApiError(400, 'FIELDS_INVALID')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('instructorCourses.common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t(creating ? 'instructorCourses.form.create' : 'instructorCourses.form.save')}
          </Button>
        </Group>
      </Stack>
      {guard.prompt}
    </form>
  );
}
