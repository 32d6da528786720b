/**
 * `vendordesk <command> …` — dispatches to one module per command. Commands are loaded lazily so
 * `vendordesk sla` does not pay for the rule engine or the HTTP client.
 */
import { EXIT_INPUT, processIO, type CliIO, type Command } from './io';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: {
    summary: '商品上架自检 / self-check listing files (formats.md §2)',
    load: async () => (await import('./commands/check')).run,
  },
  sla: {
    summary: '客服响应时效 / service-ticket SLA status (§3)',
    load: async () => (await import('./commands/sla')).run,
  },
  deposit: {
    summary: '保证金与补缴期限 / deposit and top-up deadline (§4)',
    load: async () => (await import('./commands/deposit')).run,
  },
  points: {
    summary: '年度违规扣分 / violation points this year (§5)',
    load: async () => (await import('./commands/points')).run,
  },
  callbacks: {
    summary: '交付回调测试 / test a delivery-callback endpoint (§6)',
    load: async () => (await import('./commands/callbacks')).run,
  },
  sync: {
    summary: '与云市场同步（拉取变更、发送待发队列）/ sync with the marketplace (§7)',
    load: async () => (await import('./commands/sync')).run,
  },
  api: {
    summary: '调用云市场 API（签名请求）/ call the marketplace API, signed',
    load: async () => (await import('./commands/api')).run,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return [
    '用法 / usage: vendordesk <command> [options]',
    '',
    '命令 / commands:',
    ...lines,
    '',
    '退出码 / exit status: 0 正常 ok · 1 发现阻断项或 API 错误 blockers or API error · 2 输入无效 invalid input',
    "查看命令选项 / a command's options: vendordesk <command> --help",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // No command is a usage error: the help goes to stderr so scripts never parse it as output.
    io.stderr.write(usage());
    return EXIT_INPUT;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`vendordesk: 未知命令 / unknown command "${name}"\n\n${usage()}`);
    return EXIT_INPUT;
  }
  return (await command.load())(rest, io);
}
