/** Picks a formats.md §8 file and loads it; the result (or the named bad date) is shown as a message. */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef } from 'react';
import { useCalendarStatus } from './calendar-store';
import { useCalendarText } from './calendar-messages';

export function CalendarFileButton({ readOnly, size }: { readOnly: boolean; size?: 'small' | 'middle' }) {
  const text = useCalendarText();
  const importFile = useCalendarStatus((s) => s.importFile);
  const input = useRef<HTMLInputElement>(null);

  async function load(file: File) {
    try {
      const result = await importFile({ name: file.name, text: await file.text() });
      void message.success(text.imported(result.year, result.replaced));
    } catch (error) {
      // The core's message names the file, the field and the date that is wrong.
      void message.error({
        content: `${text.importFailed}: ${error instanceof Error ? error.message : String(error)}`,
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
        {text.loadFile}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={text.loadFile}
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
