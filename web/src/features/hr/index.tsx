import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/NotFoundPage';
import { ComplianceDashboardPage } from './ComplianceDashboardPage';
import { ComplianceMatrixPage } from './ComplianceMatrixPage';
import { AssignmentsPage } from './AssignmentsPage';
import { EmployeeDetailPage } from './EmployeeDetailPage';
import { EmployeeImportPage } from './EmployeeImportPage';
import { EmployeesPage } from './EmployeesPage';
import { HrCertificatesPage } from './HrCertificatesPage';
import { HrReportsPage } from './reports/HrReportsPage';

/** Pages of the HR area; employees, assignments and certificates join this list when built. */
const HR_PAGES = [
  { to: '/reports/compliance', label: 'hr.nav.dashboard' },
  { to: '/hr/matrix', label: 'hr.nav.matrix' },
  { to: '/hr/employees', label: 'hrEmployees.nav' },
  { to: '/hr/assignments', label: 'hrAssignments.nav' },
  { to: '/hr/certificates', label: 'hrCertificates.nav' },
  { to: '/hr/reports', label: 'hrReports.nav' },
] as const;

/**
 * The HR area (its own chunk, so learners never load it): mounted at /hr/* and at
 * /reports/compliance, the dashboard URL the weekly HR digest links to.
 */
export default function HrArea() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <nav aria-label={t('hr.nav.label')}>
        <Group gap="md">
          {HR_PAGES.map((p) => (
            <Anchor component={NavLink} to={p.to} key={p.to} end>
              {t(p.label)}
            </Anchor>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<ComplianceDashboardPage />} />
        <Route path="matrix" element={<ComplianceMatrixPage />} />
        <Route path="employees" element={<EmployeesPage />} />
        <Route path="employees/import" element={<EmployeeImportPage />} />
        <Route path="employees/:employeeId" element={<EmployeeDetailPage />} />
        <Route path="assignments" element={<AssignmentsPage />} />
        <Route path="certificates" element={<HrCertificatesPage />} />
        <Route path="reports" element={<HrReportsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
