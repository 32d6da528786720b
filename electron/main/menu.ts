/**
 * The application menu with the standard roles, labelled in the user's language, and a Go menu
 * whose items open the app's pages (an `app.navigate` event to the renderer).
 */
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/ipc/contract';
import { textIn } from '../services/text';
import { openExternalSafely } from './window';

const RULES_URL = 'https://docs.jdcloud.com/cn/market';

export function buildAppMenu(locale: Locale, navigate: (route: string) => void): void {
  const t = textIn(locale, 'menu');
  const go = (route: string, label: string, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => navigate(route),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { role: 'about' as const, label: t('about') },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const, label: t('quit') },
            ],
          },
        ]
      : []),
    ...(isMac ? [] : [{ label: t('file'), submenu: [{ role: 'quit' as const, label: t('quit') }] }]),
    { label: t('edit'), role: 'editMenu' },
    { label: t('view'), role: 'viewMenu' },
    {
      label: t('go'),
      submenu: [
        go('/overview', t('overview'), '1'),
        go('/listings', t('listings'), '2'),
        go('/service', t('service'), '3'),
        go('/deposit', t('deposit'), '4'),
        go('/points', t('points'), '5'),
        go('/settings', t('settings'), ','),
      ],
    },
    { label: t('window'), role: 'windowMenu' },
    {
      label: t('help'),
      role: 'help',
      submenu: [
        { label: t('docs'), click: () => openExternalSafely(RULES_URL) },
        ...(isMac ? [] : [{ role: 'about' as const, label: t('about') }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
