/** Text of delete-with-undo and compliance export (issue 17). */
import { defineMessages } from '../../i18n/define-messages';

const zhCN = {
  deleted: (n: number) => `已删除 ${n} 条`,
  undo: '撤销',
  restored: (n: number) => `已恢复 ${n} 条`,
  undoFailed: (reason: string) => `撤销失败：${reason}`,
  deleteFailed: (reason: string) => `删除失败：${reason}`,
  deleteRecord: (what: string) => `删除 ${what}`,
  deleteSelected: (n: number) => `删除所选（${n}）`,
  export: '导出',
  exportHint: '导出为可再次导入的文件（formats.md 第 3–5 节）',
  exported: (n: number, file: string) => `已导出 ${n} 条到 ${file}`,
  exportFailed: (reason: string) => `导出失败：${reason}`,
};

const en: typeof zhCN = {
  deleted: (n: number) => `Deleted ${n}`,
  undo: 'Undo',
  restored: (n: number) => `Restored ${n}`,
  undoFailed: (reason: string) => `Could not undo: ${reason}`,
  deleteFailed: (reason: string) => `Could not delete: ${reason}`,
  deleteRecord: (what: string) => `Delete ${what}`,
  deleteSelected: (n: number) => `Delete selected (${n})`,
  export: 'Export',
  exportHint: 'Export as a file that imports back (formats.md §3–5)',
  exported: (n: number, file: string) => `Exported ${n} to ${file}`,
  exportFailed: (reason: string) => `Could not export: ${reason}`,
};

export const useUndoText = defineMessages(zhCN, en);
export type UndoText = typeof zhCN;
