/**
 * Where VendorDesk keeps its data when Electron's app.getPath('userData') is not available
 * (browser mode, CLI). Same folder Electron uses for productName "VendorDesk", so both modes
 * see the same listings. VENDORDESK_DATA_DIR overrides it (tests, portable installs).
 */
import os from 'node:os';
import path from 'node:path';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.VENDORDESK_DATA_DIR) return path.resolve(env.VENDORDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'VendorDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'VendorDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'VendorDesk');
}
