import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function EmployeeStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled" miw="max-content">
      {t(active ? 'hrEmployees.status.active' : 'hrEmployees.status.inactive')}
    </Badge>
  );
}
