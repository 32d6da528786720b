/**
 * The application menu with the standard roles, labelled in the user's language, and a Go menu
 * whose items open the app's pages (an `app.navigate` event to the renderer).
 */
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/ipc/contract';
import { menuLabels } from '../../shared/i18n/menu';
import { openExternalSafely } from './window';

const RULES_URL = 'https://docs.jdcloud.com/cn/market';

export function buildAppMenu(locale: Locale, navigate: (route: string) => void): void {
  const l = menuLabels(locale);
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
              { role: 'about' as const, label: l.about },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const, label: l.quit },
            ],
          },
        ]
      : []),
    ...(isMac ? [] : [{ label: l.file, submenu: [{ role: 'quit' as const, label: l.quit }] }]),
    { label: l.edit, role: 'editMenu' },
    { label: l.view, role: 'viewMenu' },
    {
      label: l.go,
      submenu: [
        go('/overview', l.overview, '1'),
        go('/listings', l.listings, '2'),
        go('/service', l.service, '3'),
        go('/deposit', l.deposit, '4'),
        go('/points', l.points, '5'),
        go('/settings', l.settings, ','),
      ],
    },
    { label: l.window, role: 'windowMenu' },
    {
      label: l.help,
      role: 'help',
      submenu: [
        { label: l.docs, click: () => openExternalSafely(RULES_URL) },
        ...(isMac ? [] : [{ role: 'about' as const, label: l.about }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
