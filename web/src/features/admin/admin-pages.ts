/** Pages of the admin area, in the order of the area's navigation, with a one-line hint each. */
export const ADMIN_PAGES = [
  { to: '/admin', label: 'admin.nav.home', hint: 'admin.home.title' },
  {
    to: '/admin/organizations',
    label: 'admin.nav.organizations',
    hint: 'admin.home.organizations',
  },
  { to: '/admin/users', label: 'admin.nav.users', hint: 'admin.home.users' },
  { to: '/admin/course-staff', label: 'admin.nav.courseStaff', hint: 'admin.home.courseStaff' },
  { to: '/admin/certificates', label: 'admin.nav.failedRenders', hint: 'admin.home.failedRenders' },
  { to: '/admin/email', label: 'admin.nav.outbox', hint: 'admin.home.outbox' },
  {
    to: '/admin/email/suppressions',
    label: 'admin.nav.suppressions',
    hint: 'admin.home.suppressions',
  },
  { to: '/admin/audit-log', label: 'admin.nav.auditLog', hint: 'admin.home.auditLog' },
] as const;
