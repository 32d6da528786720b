/**
 * The app's one theme: antd's defaults made readable (WCAG 2.1 AA, checked by the axe scans).
 * - Secondary grey: antd's #8c8c8c is 3.4:1 on white; the pages show many small "as of" and
 *   detail lines in it, so it is #595959 (7:1).
 * - Primary blue: 6.4:1 with white text. antd derives the hover shade by lightening it
 *   (#2f78de, 4.3:1), which fails under the pointer that just clicked the button; hover and
 *   active darken instead (7.7:1, 9.6:1).
 */
import type { ThemeConfig } from 'antd';

const muted = '#595959';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorPrimaryHover: '#0a4cb8',
    colorPrimaryActive: '#083f9a',
    colorLink: '#0b57d0',
    colorLinkHover: '#0a4cb8',
    colorLinkActive: '#083f9a',
    colorTextSecondary: muted,
    colorTextDescription: muted,
    colorTextTertiary: muted,
    colorTextPlaceholder: '#6e6e6e',
    colorError: '#b3141f',
  },
};
