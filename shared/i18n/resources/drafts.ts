/** The unsaved-changes guard and the draft restore offer (issue 17). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  confirmTitle: '有未保存的修改',
  confirmContent: '关闭前要保存这些修改吗？不保存将丢弃本次编辑。',
  save: '保存并关闭',
  discard: '不保存',
  keepEditing: '继续编辑',
  restoreTitle: '发现一份未保存的编辑：《{title}》（自动保存于北京时间 {at}）',
  restoreHint: '上次编辑没有保存就关闭了（例如窗口崩溃或被强制关闭）。可以恢复后继续编辑，或丢弃它。',
  untitled: '未命名',
  restore: '恢复编辑',
  discardDraft: '丢弃草稿',
  restored: '已恢复未保存的编辑：检查无误后请保存',
  draftDiscarded: '已丢弃未保存的草稿',
  autosaveFailed: '草稿未能自动保存：{reason}。请尽快保存商品。',
  goneRecord: '原商品已被删除：草稿将作为新商品打开',
};

const en: Translation<typeof zhCN> = {
  confirmTitle: 'Unsaved changes',
  confirmContent: 'Save these changes before closing? If you do not, this edit is discarded.',
  save: 'Save and close',
  discard: 'Discard',
  keepEditing: 'Keep editing',
  restoreTitle: 'An unsaved edit was found: “{title}” (autosaved at {at} Beijing time)',
  restoreHint:
    'The last edit was closed without saving (e.g. the window crashed or was killed). Restore it to keep editing, or discard it.',
  untitled: 'untitled',
  restore: 'Restore edit',
  discardDraft: 'Discard draft',
  restored: 'The unsaved edit is restored: review it, then save',
  draftDiscarded: 'The unsaved draft was discarded',
  autosaveFailed: 'The draft could not be autosaved: {reason}. Save the listing soon.',
  goneRecord: 'The original listing was deleted: the draft opens as a new listing',
};

export default { 'zh-CN': zhCN, en };
