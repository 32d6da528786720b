/** `vendordesk deposit <file|-> --at <time> [--policy id|file]` — formats.md §4. */
import { depositLedgerSchema } from '../../shared/deposit/schema';
import { computeDeposit } from '../../shared/deposit/compute';
import { EXIT_INPUT, EXIT_OK, type Command } from '../io';
import { commonOptionsHelp, parseEngineArgs, printReport, readInput } from './engine-input';

const help = `usage: vendordesk deposit <ledger.json | -> [--at <time>] [--policy <id|file>]

保证金：余额、缺口、补足期限（不足当日之后第 3 个工作日结束）、12 个月内扣除次数与追加保证金风险。
Deposit ledger (formats.md §4). Input:
  { "required": 10000, "entries": [ { "id", "at", "type", "amount", "reason" } ] }
  type: payment | top-up (add) | deduction | withdrawal (subtract) | requirement (new required total)
  amount: yuan, at most two decimals. Entries after --at are ignored.
Output: { "balance", "required", "shortfall", "status", "deficientSince", "topUpDueDate",
          "deductionsLast12Months", "extraDepositRisk", "history": [ … ] }

${commonOptionsHelp}`;

export const run: Command = async (argv, io) => {
  const parsed = await parseEngineArgs(argv, io, help, 'deposit');
  if (!parsed.ok) return parsed.exitCode;
  const { file, at, pack, calendarOverrides, officialYears, compact } = parsed.args;
  const input = await readInput(file, io, depositLedgerSchema);
  if (!input.ok) return EXIT_INPUT;
  printReport(io, computeDeposit(input.value, at, pack, { calendarOverrides, officialYears }), compact);
  return EXIT_OK;
};
