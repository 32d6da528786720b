/** Official holiday calendars: banner, card, tag, file button. ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  bannerTitle: '{years} 年的国务院节假日安排尚未载入',
  bannerBody:
    '这些年份按周一至周五为工作日推算，相关截止时间标为「日历未确认」。国务院公布安排后，请载入该年的节假日文件（formats.md §8），或载入带有该年安排的策略包（设置 → 策略包）。',
  loadFile: '载入节假日文件',
  openSettings: '前往设置',
  unconfirmedTag: '日历未确认',
  unconfirmedTip: '该截止时间按周一至周五推算：这一年的官方节假日安排尚未载入。',
  cardTitle: '官方节假日安排',
  cardHint:
    '每年的法定节假日和调休上班日。内置数据随应用发布；新一年的安排公布后可从文件载入，或随策略包获得（设置 → 策略包）。载入的年份会替换该年的内置数据；同一年既有载入的文件又有策略包时，以载入的文件为准。',
  columns: {
    year: '年份',
    origin: '来源',
    source: '依据',
    days: '放假 / 调休上班',
    importedAt: '载入时间',
  },
  origins: {
    bundled: '内置',
    file: '文件',
    pack: '策略包',
  },
  days: '{holidays} 天 / {makeup} 天',
  remove: '移除',
  imported: '{replaced, select, true {已载入 {year} 年安排（替换原有数据）} other {已载入 {year} 年安排}}',
  removed: '已移除导入的 {year} 年安排',
  importFailed: '文件未载入（未做任何更改）',
  missing: '尚无官方安排：{years}',
};

const en: Translation<typeof zhCN> = {
  bannerTitle: 'No official holiday calendar loaded for {years}',
  bannerBody:
    'Monday–Friday are assumed to be workdays in these years and the deadlines there are marked "calendar not confirmed". Once the State Council publishes the arrangement, load the year’s holiday file (formats.md §8) or a policy pack that carries the year (Settings → Policy packs).',
  loadFile: 'Load a holiday file',
  openSettings: 'Open settings',
  unconfirmedTag: 'Calendar not confirmed',
  unconfirmedTip:
    'This deadline assumes Monday–Friday workdays: the official holiday calendar of that year is not loaded.',
  cardTitle: 'Official holiday calendars',
  cardHint:
    'Statutory holidays and make-up workdays of each year. The bundled data ships with the app; load a new year from a file once it is published, or receive it with a policy pack (Settings → Policy packs). A loaded year replaces the bundled data of that year; where both a loaded file and a policy pack have a year, the loaded file wins.',
  columns: {
    year: 'Year',
    origin: 'Origin',
    source: 'Source',
    days: 'Days off / make-up workdays',
    importedAt: 'Loaded',
  },
  origins: {
    bundled: 'Bundled',
    file: 'File',
    pack: 'Policy pack',
  },
  days: '{holidays} / {makeup}',
  remove: 'Remove',
  imported: '{replaced, select, true {Loaded {year} (replacing the previous data)} other {Loaded {year}}}',
  removed: 'Removed the imported calendar of {year}',
  importFailed: 'The file was not loaded (nothing changed)',
  missing: 'No official calendar yet: {years}',
};

export default { 'zh-CN': zhCN, en };
