/** The Platform inside Electron: OS notifications, Electron's userData folder. */
import { Notification, app } from 'electron';
import type { Platform } from '../services/platform';

export function createElectronPlatform(onNotificationClick: (route: string) => void): Platform {
  return {
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    now: () => new Date(),
    notifier: {
      notify(n) {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title: n.title, body: n.body });
        if (n.route) notification.on('click', () => onNotificationClick(n.route as string));
        notification.show();
      },
    },
  };
}
