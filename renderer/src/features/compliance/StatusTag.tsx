/** Status tags with text colours that meet WCAG AA on their tint (antd's preset green/orange do not). */
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const tones = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  neutral: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;

export type Tone = keyof typeof tones;

export function StatusTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Tag style={tones[tone]} data-testid={testId}>
      {children}
    </Tag>
  );
}
