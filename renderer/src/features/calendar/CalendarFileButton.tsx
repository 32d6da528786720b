/** Picks a formats.md §8 file and loads it; the result (or the named bad date) is shown as a message. */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef } from 'react';
import { useCalendarStatus } from './calendar-store';
import { useTranslation } from 'react-i18next';

export function CalendarFileButton({ readOnly, size }: { readOnly: boolean; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('calendar');
  const importFile = useCalendarStatus((s) => s.importFile);
  const input = useRef<HTMLInputElement>(null);

  async function load(file: File) {
    try {
      const result = await importFile({ name: file.name, text: await file.text() });
      void message.success(t('imported', { year: result.year, replaced: result.replaced }));
    } catch (error) {
      // The core's message names the file, the field and the date that is wrong.
      void message.error({
        content: `${t('importFailed')}: ${error instanceof Error ? error.message : String(error)}`,
        duration: 10,
      });
    }
  }

  return (
    <>
      <Button
        size={size}
        icon={<CalendarOutlined />}
        disabled={readOnly}
        onClick={() => input.current?.click()}
      >
        {t('loadFile')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('loadFile')}
        data-testid="calendar-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void load(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
