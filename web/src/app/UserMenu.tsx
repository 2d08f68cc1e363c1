import { Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useMe } from './me';
import { logout } from './session';
import { UserName } from './UserName';

/**
 * The user menu in the header. Its own chunk (Menu pulls in Popover and floating-ui), loaded
 * right after the shell renders: the first screen does not wait for it.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    await logout().catch(() => undefined);
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton px="xs" py={4}>
          <UserName name={me.data?.name} />
          <VisuallyHidden>{t('app.userMenu')}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.data && <Menu.Label>{me.data.email}</Menu.Label>}
        <Menu.Item component={NavLink} to="/preferences">
          {t('profile.menu')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('app.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
