/**
 * A date-time field in Beijing time (issue 17): an Ant Design DatePicker with seconds that accepts
 * what a person types ("2026-12-02 09:00", "2026-12-02 09:00:15", "2026/12/02 09:00") or pastes
 * (ISO 8601 with an offset, "2026-12-02T01:00:00Z" → 09:00:00 Beijing) and keeps seconds
 * (17:59:50 stays 17:59:50 — a 30 s SLA turns on them). As a Form control its value is the
 * ISO 8601 text with +08:00 the contract expects; '' when empty.
 */
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
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

/** An instant with its offset, as pasted from a file or a log: "…T09:00:00+08:00", "…T01:00:00.5Z". */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Text typed or pasted into the field → its value, or null when it is no time yet (the picker
 * keeps asking while the person types). An ISO time with an offset names an instant: it is shown
 * at Beijing's wall clock; anything else is read with INPUT_FORMATS as Beijing wall-clock time.
 */
export function parsePickerText(text: string): Dayjs | null {
  const trimmed = text.trim();
  if (ISO_WITH_OFFSET.test(trimmed)) return toPickerValue(trimmed.replace(' ', 'T'));
  const typed = dayjs(trimmed, INPUT_FORMATS, true);
  return typed.isValid() ? typed : null;
}

/**
 * The picker asks its date library to read typed text against each format in turn; this one
 * reads offsets too (the stock dayjs parse would take "+08:00" as the machine's zone or refuse it).
 */
const beijingGenerateConfig: typeof dayjsGenerateConfig = {
  ...dayjsGenerateConfig,
  locale: {
    ...dayjsGenerateConfig.locale,
    parse: (locale, text, formats) =>
      ISO_WITH_OFFSET.test(text.trim())
        ? parsePickerText(text)
        : dayjsGenerateConfig.locale.parse(locale, text.trim(), formats),
  },
};
const BeijingPicker = DatePicker.generatePicker<Dayjs>(beijingGenerateConfig);

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
    <BeijingPicker
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

/** Dates typed in a date-only field; the first is how it is shown. */
export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYYMMDD'];

/**
 * A calendar date on Beijing's calendar (a filter's bound), in the same picker: its value is
 * "YYYY-MM-DD", '' when empty. A pasted instant with an offset gives its Beijing date.
 */
export function BeijingDatePicker({
  value,
  onChange,
  placeholder,
  'aria-label': ariaLabel,
  width = 150,
}: {
  value?: string | null;
  onChange?: (value: string) => void;
  placeholder?: string;
  'aria-label'?: string;
  width?: number;
}) {
  const picked = useMemo(() => (value ? dayjs(value, 'YYYY-MM-DD', true) : null), [value]);
  return (
    <BeijingPicker
      aria-label={ariaLabel}
      format={DATE_INPUT_FORMATS}
      placeholder={placeholder ?? '2026-12-02'}
      value={picked?.isValid() ? picked : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      style={{ width }}
    />
  );
}
