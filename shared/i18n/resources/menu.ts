/** Application-menu labels (the main process builds the menu from these). Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  file: '文件',
  edit: '编辑',
  view: '视图',
  window: '窗口',
  help: '帮助',
  about: '关于 VendorDesk',
  docs: '云市场服务商管理规范',
  quit: '退出',
  go: '前往',
  overview: '概览',
  listings: '商品',
  service: '服务时效',
  deposit: '保证金',
  points: '违规扣分',
  settings: '设置',
};

const en: Translation<typeof zhCN> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About VendorDesk',
  docs: 'Marketplace vendor rules',
  quit: 'Quit',
  go: 'Go',
  overview: 'Overview',
  listings: 'Listings',
  service: 'Service (SLA)',
  deposit: 'Deposit',
  points: 'Points',
  settings: 'Settings',
};

export default { 'zh-CN': zhCN, en };
