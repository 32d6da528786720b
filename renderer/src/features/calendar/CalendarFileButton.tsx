/** Picks a formats.md §8 file and loads it; the result (or the named bad date) is shown as a message. */
import { CalendarOutlined } from '@ant-design/icons';
import { message } from 'antd';
import { JsonFileButton } from '../files/JsonFileButton';
import { useCalendarStatus } from './calendar-store';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

export function CalendarFileButton({ readOnly, size }: { readOnly: boolean; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('calendar');
  const importFile = useCalendarStatus((s) => s.importFile);

  async function load(file: File) {
    try {
      const result = await importFile({ name: file.name, text: await file.text() });
      void message.success(t('imported', { year: result.year, replaced: result.replaced }));
    } catch (error) {
      // The core's message names the file, the field and the date that is wrong.
      void message.error({
        content: `${t('importFailed')}: ${errorText(error)}`,
        duration: 10,
      });
    }
  }

  return (
    <JsonFileButton
      label={t('loadFile')}
      icon={<CalendarOutlined />}
      size={size}
      disabled={readOnly}
      testId="calendar-import-input"
      onFile={(file) => void load(file)}
    />
  );
}
