import { Anchor, AppShell, Box, Burger, Group, NativeSelect, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LANGUAGES, type Language } from './i18n';
import { chooseLanguage, useMe } from './me';
import { UserName } from './UserName';

// The offline outbox (IndexedDB) loads right after the shell, outside the initial bundle.
const OutboxIndicator = lazy(() =>
  import('./OutboxIndicator').then((m) => ({ default: m.OutboxIndicator })),
);
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));

interface NavItem {
  to: string;
  label: string;
}

function navItems(role: string | undefined, t: (key: string) => string): NavItem[] {
  if (role === 'instructor') return [{ to: '/instructor', label: t('nav.instructor') }];
  if (role === 'hr') return [{ to: '/hr', label: t('nav.hr') }];
  if (role === 'admin') return [{ to: '/admin', label: t('nav.admin') }];
  return [
    { to: '/', label: t('nav.myTraining') },
    { to: '/certificates', label: t('nav.certificates') },
  ];
}

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      size="xs"
      value={i18n.language}
      onChange={(e) => chooseLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`app.languages.${l}`) }))}
      w={150}
    />
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const items = navItems(me.data?.role, t);
  const userName = (
    <Box px="xs" py={4}>
      <UserName name={me.data?.name} />
    </Box>
  );

  const links = (vertical: boolean) =>
    items.map((item) => (
      <Anchor
        key={item.to}
        component={NavLink}
        to={item.to}
        end={item.to === '/'}
        onClick={close}
        className="nav-link"
        fw={500}
        underline="never"
        c="dark.7"
        py={vertical ? 'xs' : 4}
      >
        {item.label}
      </Anchor>
    ));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openNavigation')}
            />
            <Anchor component={NavLink} to="/" underline="never" c="blue.8" fw={700} fz="lg">
              {t('app.name')}
            </Anchor>
            <Group
              component="nav"
              aria-label={t('app.mainNavigation')}
              gap="lg"
              visibleFrom="sm"
              ml="lg"
            >
              {links(false)}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Suspense fallback={null}>
              <OutboxIndicator />
            </Suspense>
            <Group visibleFrom="xs">
              <LanguageSelect />
            </Group>
            {/* The menu's chunk loads once /me has answered, not alongside the page's requests;
                until then the name shows in the same place, not yet a button. */}
            {me.data || me.isError ? (
              <Suspense fallback={userName}>
                <UserMenu />
              </Suspense>
            ) : (
              userName
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label={t('app.mainNavigation')} withBorder={opened}>
        <Stack gap="xs">
          {links(true)}
          <LanguageSelect />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Stack maw={960} mx="auto" gap="lg">
          <Outlet />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
