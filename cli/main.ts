/**
 * `vendordesk <command> …` — dispatches to one module per command. Commands are loaded lazily so
 * `vendordesk sla` does not pay for the rule engine or the HTTP client.
 */
import { EXIT_INPUT, processIO, type CliIO, type Command } from './io';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'self-check listing files (formats.md §2)', load: async () => (await import('./commands/check')).run },
  sla: { summary: 'service-ticket SLA status (formats.md §3)', load: async () => (await import('./commands/sla')).run },
  deposit: { summary: 'deposit balance and top-up deadline (formats.md §4)', load: async () => (await import('./commands/deposit')).run },
  points: { summary: 'violation points this year (formats.md §5)', load: async () => (await import('./commands/points')).run },
  api: { summary: 'call the marketplace API with a signed request', load: async () => (await import('./commands/api')).run },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `usage: vendordesk <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "vendordesk <command> --help" for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : EXIT_INPUT;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`vendordesk: unknown command "${name}"\n\n${usage()}`);
    return EXIT_INPUT;
  }
  return (await command.load())(rest, io);
}
