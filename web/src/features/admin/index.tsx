import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/NotFoundPage';
import { AdminHomePage } from './AdminHomePage';
import { ADMIN_PAGES } from './admin-pages';
import { AuditLogPage } from './AuditLogPage';
import { CourseStaffPage } from './CourseStaffPage';
import { EmailOutboxPage } from './EmailOutboxPage';
import { FailedRendersPage } from './FailedRendersPage';
import { OrganizationsPage } from './OrganizationsPage';
import { SuppressionsPage } from './SuppressionsPage';
import { UsersPage } from './UsersPage';

/** The admin area (its own chunk, so other roles never load it), mounted at /admin/*. */
export default function AdminArea() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <nav aria-label={t('admin.nav.label')}>
        <Group gap="md" wrap="wrap">
          {ADMIN_PAGES.map((p) => (
            <Anchor component={NavLink} to={p.to} key={p.to} end>
              {t(p.label)}
            </Anchor>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<AdminHomePage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="course-staff" element={<CourseStaffPage />} />
        <Route path="certificates" element={<FailedRendersPage />} />
        <Route path="email" element={<EmailOutboxPage />} />
        <Route path="email/suppressions" element={<SuppressionsPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
