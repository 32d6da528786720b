/**
 * Readable secondary text on the compliance pages: antd's default secondary grey (#8c8c8c, 3.4:1
 * on white) fails WCAG AA; these pages show many small "as of" and detail lines in it. The
 * primary blue is darkened the same way for link buttons (4.5:1 → 6:1).
 */
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

const muted = '#595959'; // 7:1 on white

export function ComplianceTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorPrimary: '#0b57d0',
          colorLink: '#0b57d0',
          colorTextSecondary: muted,
          colorTextDescription: muted,
          colorTextTertiary: muted,
          colorTextPlaceholder: '#6e6e6e',
          colorError: '#b3141f',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
