/**
 * File imports of every kind (issue 17): progress, the one results dialog, and the problems the
 * core words for a file (in the user's language at the time of the import). ICU MessageFormat; Chinese first.
 */
import type { Translation } from '../translation';

const zhCN = {
  uploading: '正在上传第 {file} / {files} 个文件：{name}',
  reading: '正在检查第 {file} / {files} 个文件：已读 {done} / {total}，{records} 条记录',
  writing: '正在保存第 {file} / {files} 个文件：{done} / {total} 条记录',
  cancel: '取消导入',
  cancelling: '正在取消…（已保存的批次会保留）',
  progressLabel: '导入进度',
  resultTitle: '导入结果',
  summary: '{ok} 个文件已完整导入，{bad} 个文件未导入或未导入完整。',
  failedFile: '文件未导入（未保存任何内容）',
  cancelledNothing: '已取消：此文件未保存任何内容',
  cancelledPartly: '已取消：已保存前 {n} 条记录（已提交的批次），其余未保存',
  interrupted: '保存中断：已保存前 {n} 条记录，其余未保存',
  problemsOmitted: '另有 {n} 个问题未列出',
  busy: '正在导入其他文件：请等它完成或取消后再导入。',
  repeatedIds:
    '违规编号重复：{ids}{more, plural, =0 {} other {（另有 # 个）}}。针对一事仅作一次处理：每个编号只计一次，以文件中最后一条为准。',
  idSeparator: '、',
  uploadFailed: '无法上传 {name}：{reason}',
  uploadTooLarge: '{name} 超过 {max}，无法导入。请把它拆分成较小的文件。',
  problems: {
    notAnObject: "文件顶层应为对象（'{ … }'），不是数组或单个值",
    notComplianceFile: '不是工单、保证金流水或违规文件：顶层应有 "tickets"、"entries" 或 "violations"',
    listingsNotArray: '"listings" 应为数组',
    recordTooLarge: '这条记录超过 {mb} MB，无法导入',
    topTooLarge: '文件中记录以外的部分超过 {mb} MB，无法导入',
    listingTooLong: '这个商品超过 {max} 个字符，无法导入',
    uploadMissing: '找不到上传的文件（可能已过期或已导入），请重新选择文件',
    storeFailed: '保存时出错：{reason}',
  },
};

const en: Translation<typeof zhCN> = {
  uploading: 'Uploading file {file} of {files}: {name}',
  reading:
    'Checking file {file} of {files}: {done} of {total} read, {records, plural, one {# record} other {# records}}',
  writing: 'Saving file {file} of {files}: {done} of {total} records',
  cancel: 'Cancel import',
  cancelling: 'Cancelling… (saved batches are kept)',
  progressLabel: 'Import progress',
  resultTitle: 'Import results',
  summary:
    '{ok, plural, one {# file} other {# files}} imported whole, {bad, plural, one {# file} other {# files}} not imported or not completely.',
  failedFile: 'File not imported (nothing was saved)',
  cancelledNothing: 'Cancelled: nothing of this file was saved',
  cancelledPartly:
    'Cancelled: the first {n, plural, one {# record was} other {# records were}} saved (committed batches), the rest not',
  interrupted:
    'Saving stopped: the first {n, plural, one {# record was} other {# records were}} saved, the rest not',
  problemsOmitted: '{n, plural, one {# more problem} other {# more problems}} not listed',
  busy: 'Other files are being imported: wait for them or cancel, then import again.',
  repeatedIds:
    'Repeated violation ids: {ids}{more, plural, =0 {} other { (and # more)}}. One matter is dealt with once: each id counts once, the last record in the file wins.',
  idSeparator: ', ',
  uploadFailed: 'Could not upload {name}: {reason}',
  uploadTooLarge: '{name} is larger than {max} and cannot be imported. Split it into smaller files.',
  problems: {
    notAnObject: "The file must be a JSON object ('{ … }') at the top, not an array or a single value",
    notComplianceFile:
      'Not a tickets, deposit ledger or violations file: expected a top-level "tickets", "entries" or "violations"',
    listingsNotArray: '"listings" must be an array',
    recordTooLarge: 'This record is larger than {mb} MB and cannot be imported',
    topTooLarge: 'The part of the file outside its records is larger than {mb} MB and cannot be imported',
    listingTooLong: 'This listing is longer than {max} characters and cannot be imported',
    uploadMissing:
      'The uploaded file was not found (it may have expired or been imported already); choose the file again',
    storeFailed: 'Saving failed: {reason}',
  },
};

export default { 'zh-CN': zhCN, en };
