/**
 * A date-time field in Beijing time (issue 17): an Ant Design DatePicker with seconds that accepts
 * what a person types ("2026-12-02 09:00", "2026-12-02 09:00:15", "2026/12/02 09:00") and keeps
 * seconds (17:59:50 stays 17:59:50 — a 30 s SLA turns on them). As a Form control its value is the
 * ISO 8601 text with +08:00 the contract expects; '' when empty.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useMemo } from 'react';
import { formatBeijingIso } from '../../../../shared/calendar/beijing';

dayjs.extend(customParseFormat);

export const DISPLAY_FORMAT = 'YYYY-MM-DD HH:mm:ss';
/** Typed forms accepted, the first is how it is shown. */
export const INPUT_FORMATS = [
  DISPLAY_FORMAT,
  'YYYY-MM-DD HH:mm',
  'YYYY/MM/DD HH:mm:ss',
  'YYYY/MM/DD HH:mm',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DDTHH:mm',
];

/** "YYYY-MM-DDTHH:mm:ss" on the Beijing wall clock (shared/calendar converts; the offset is cut off). */
const beijingWall = (ms: number) => formatBeijingIso(ms).slice(0, 19);

/** ISO text (any offset) → the picker's value: Beijing wall-clock fields, whatever the machine's zone. */
export function toPickerValue(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return dayjs(beijingWall(ms), 'YYYY-MM-DDTHH:mm:ss', true);
}

/** The picker's value (Beijing wall clock) → ISO 8601 with +08:00. */
export function fromPickerValue(value: Dayjs | null): string {
  return value ? `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : '';
}

export function BeijingDateTimePicker({
  value,
  onChange,
  id,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}) {
  // One Dayjs per value: a new object on every render (e.g. a snapshot reload while the user types)
  // makes the picker put the old value back over the text being typed.
  const picked = useMemo(() => toPickerValue(value), [value]);
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      showTime={{ format: 'HH:mm:ss' }}
      format={INPUT_FORMATS}
      placeholder={placeholder ?? '2026-12-02 09:00:00'}
      value={picked}
      onChange={(d) => onChange?.(fromPickerValue(d))}
      needConfirm={false}
      style={{ width: 220 }}
    />
  );
}
