// electron-builder `afterSign` hook (electron-builder.yml → afterSign): notarises and staples the
// signed macOS app with Apple's notary service (notarytool, through @electron/notarize).
//
// It does nothing — and prints why — unless one complete set of Apple credentials is in the
// environment (CREDENTIAL_SETS below), so local builds and CI runs without secrets still produce an
// (un-notarised) app. A half-filled set is an error: a release job whose secrets are misconfigured
// should fail, not quietly ship an app Gatekeeper rejects.
//
// Why this hook rather than electron-builder 26's built-in `mac.notarize`: both read the same
// variables and both skip without them, but the built-in step only logs "skipped" without naming
// what is missing and cannot be tested here. electron-builder.yml sets `mac.notarize: false` so the
// app is not submitted twice. electron-builder runs afterSign only when it really signed the app
// (no Developer ID identity → no signing → no hook) and, for the universal build, once on the merged app.
import path from 'node:path';

/** Credential sets notarytool accepts, as @electron/notarize option → environment variable. */
export const CREDENTIAL_SETS = [
  {
    name: 'Apple ID',
    env: { appleId: 'APPLE_ID', appleIdPassword: 'APPLE_APP_SPECIFIC_PASSWORD', teamId: 'APPLE_TEAM_ID' },
  },
  {
    name: 'App Store Connect API key',
    env: {
      appleApiKey: 'APPLE_API_KEY',
      appleApiKeyId: 'APPLE_API_KEY_ID',
      appleApiIssuer: 'APPLE_API_ISSUER',
    },
  },
  {
    name: 'notarytool keychain profile',
    env: { keychainProfile: 'APPLE_KEYCHAIN_PROFILE' },
    optionalEnv: { keychain: 'APPLE_KEYCHAIN' },
  },
];

// CI systems pass an unset secret as an empty string; treat it as absent.
const isSet = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * The first credential set fully present in `env`, as `{ set, credentials }`, or null when none is
 * started. Throws when a set is only partly present, naming the missing variables.
 */
export function notaryCredentials(env) {
  for (const set of CREDENTIAL_SETS) {
    const required = Object.values(set.env);
    const missing = required.filter((name) => !isSet(env[name]));
    if (missing.length === required.length) continue;
    if (missing.length > 0) {
      throw new Error(
        `公证凭据不完整 / incomplete ${set.name} credentials for notarisation: missing ${missing.join(', ')}`,
      );
    }
    const credentials = {};
    for (const [option, name] of Object.entries({ ...set.env, ...set.optionalEnv })) {
      if (isSet(env[name])) credentials[option] = env[name];
    }
    return { set: set.name, credentials };
  }
  return null;
}

const loadNotarize = async () => (await import('@electron/notarize')).notarize;

const NO_CREDENTIALS =
  '未提供 Apple 公证凭据，跳过公证 / notarisation skipped: no Apple credentials ' +
  '(set APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + ' +
  'APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE)';

/**
 * The hook. `deps` exists for tests (electron-builder passes only `context`): the environment, the
 * notarize function loader and the logger.
 */
export async function afterSign(context, deps = {}) {
  const { env = process.env, loadNotarize: load = loadNotarize, log = console.log } = deps;
  // Mac App Store builds ('mas') are reviewed by Apple instead; Windows/Linux have nothing to notarise.
  if (context.electronPlatformName !== 'darwin') {
    log(`notarisation skipped: platform ${context.electronPlatformName} is not darwin`);
    return;
  }
  const found = notaryCredentials(env);
  if (!found) {
    log(NO_CREDENTIALS);
    return;
  }
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  log(`正在公证 / notarising ${appPath} with ${found.set} …`);
  const notarize = await load();
  await notarize({ tool: 'notarytool', appPath, ...found.credentials });
  log(`公证完成 / notarised and stapled ${appPath}`);
}

export default afterSign;
