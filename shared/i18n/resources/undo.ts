/** Delete with undo and compliance export (issue 17). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  deleted: '已删除 {n} 条',
  undo: '撤销',
  restored: '已恢复 {n} 条',
  undoFailed: '撤销失败：{reason}',
  deleteFailed: '删除失败：{reason}',
  deleteRecord: '删除 {what}',
  deleteSelected: '删除所选（{n}）',
  selectRecord: '选择 {what}',
  export: '导出',
  exportHint: '导出为可再次导入的文件（formats.md 第 3–5 节）',
  exported: '已导出 {n} 条到 {file}',
  exportFailed: '导出失败：{reason}',
};

const en: Translation<typeof zhCN> = {
  deleted: 'Deleted {n}',
  undo: 'Undo',
  restored: 'Restored {n}',
  undoFailed: 'Could not undo: {reason}',
  deleteFailed: 'Could not delete: {reason}',
  deleteRecord: 'Delete {what}',
  deleteSelected: 'Delete selected ({n})',
  selectRecord: 'Select {what}',
  export: 'Export',
  exportHint: 'Export as a file that imports back (formats.md §3–5)',
  exported: 'Exported {n} to {file}',
  exportFailed: 'Could not export: {reason}',
};

export default { 'zh-CN': zhCN, en };
