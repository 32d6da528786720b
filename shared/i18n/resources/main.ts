/** Main-process dialogs: the update offer. ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  update: {
    available: {
      message: 'VendorDesk {version} 已发布',
      detail: '当前版本 {current}。现在下载更新吗？下载时可以继续工作。',
      download: '下载',
      later: '以后再说',
    },
    downloaded: {
      message: 'VendorDesk {version} 已可安装',
      detail: '立即重启以安装，或在退出 VendorDesk 时自动安装。',
      restart: '立即重启',
      onQuit: '退出时安装',
    },
  },
};

const en: Translation<typeof zhCN> = {
  update: {
    available: {
      message: 'VendorDesk {version} is available',
      detail: 'You have {current}. Download the update now? You can keep working while it downloads.',
      download: 'Download',
      later: 'Later',
    },
    downloaded: {
      message: 'VendorDesk {version} is ready to install',
      detail: 'Restart now to install it, or it is installed when you quit VendorDesk.',
      restart: 'Restart now',
      onQuit: 'When I quit',
    },
  },
};

export default { 'zh-CN': zhCN, en };
