/** Main-process dialogs: the update offer, the keyring notice. ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  /** Linux without a keyring (or no OS keychain at all): where the API keys are kept. `backend`: " (basic_text)" or empty. */
  keyringNotice:
    '未找到系统密钥环{backend}：API 密钥改用本机随机密钥加密，保存在仅本用户可读的文件中。其他以本用户身份运行的程序仍可读取。若要由系统保护，请安装并启用 GNOME Keyring 或 KWallet（Secret Service），然后重启 VendorDesk。',
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
  keyringNotice:
    'No system keyring was found{backend}: API keys are encrypted with a random local key kept in a file only your user can read. Other programs running as your user can still read it. For system protection, install and unlock GNOME Keyring or KWallet (Secret Service) and restart VendorDesk.',
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
