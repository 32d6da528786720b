/** Policy packs in Settings (issue 17 item 8). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  cardTitle: '策略包',
  cardHint:
    '服务时效、保证金和扣分按策略包计算。新策略包可从文件载入（先校验，不合格不会保存）：与内置策略包同 id 且版本更新的会取代内置的，并可带上某年的官方节假日安排；移除后恢复使用内置策略包。载入或移除后所有截止时间重新计算。',
  enabledLabel: '适用的策略包',
  loadFile: '载入策略包文件',
  loaded: '已载入策略包 {id} {version}',
  loadedSupersedes: '已载入策略包 {id} {version}，取代内置的 {bundled}',
  loadFailed: '策略包未载入（未做任何更改）',
  removed: '已移除策略包 {id} {version}，恢复使用内置策略包',
  removedNoBundled: '已移除策略包 {id} {version}',
  removeFailed: '策略包未移除',
  remove: '移除',
  removeConfirm:
    '移除载入的策略包 {id} {version}？{bundled, select, true {将恢复使用内置版本，} other {}}所有截止时间会重新计算。',
  ok: '确定',
  cancel: '取消',
  columns: {
    id: 'id',
    version: '版本',
    title: '名称',
    origin: '来源',
    years: '带有的节假日年份',
    state: '状态',
  },
  origins: { bundled: '内置', file: '文件' },
  none: '无',
  inUse: '使用中',
  currentNotEnabled: '当前版本（未启用）',
  supersededBy: '已被 {version} 取代',
  notNewer: '未使用（不比内置的新）',
};

const en: Translation<typeof zhCN> = {
  cardTitle: 'Policy packs',
  cardHint:
    'Service deadlines, the deposit and points are computed with policy packs. Load a new pack from a file (validated first; an invalid one is not stored): a pack with a bundled id and a newer version supersedes the bundled one and may carry a year’s official holidays; remove it to use the bundled pack again. Every deadline is recomputed after a load or a removal.',
  enabledLabel: 'Policy packs that apply',
  loadFile: 'Load a policy pack file',
  loaded: 'Loaded policy pack {id} {version}',
  loadedSupersedes: 'Loaded policy pack {id} {version}, superseding the bundled {bundled}',
  loadFailed: 'The policy pack was not loaded (nothing changed)',
  removed: 'Removed policy pack {id} {version}; the bundled pack applies again',
  removedNoBundled: 'Removed policy pack {id} {version}',
  removeFailed: 'The policy pack was not removed',
  remove: 'Remove',
  removeConfirm:
    'Remove the loaded policy pack {id} {version}? {bundled, select, true {The bundled version applies again and } other {}}every deadline is recomputed.',
  ok: 'OK',
  cancel: 'Cancel',
  columns: {
    id: 'id',
    version: 'Version',
    title: 'Name',
    origin: 'Origin',
    years: 'Holiday years carried',
    state: 'State',
  },
  origins: { bundled: 'Bundled', file: 'File' },
  none: 'none',
  inUse: 'In use',
  currentNotEnabled: 'Current version (not enabled)',
  supersededBy: 'Superseded by {version}',
  notNewer: 'Not used (not newer than the bundled one)',
};

export default { 'zh-CN': zhCN, en };
