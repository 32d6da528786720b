/** `vendordesk sla <file|-> --at <time> [--policy id|file]` — formats.md §3. */
import { ticketsFileSchema } from '../../shared/sla/schema';
import { computeSla } from '../../shared/sla/compute';
import { EXIT_INPUT, EXIT_OK, type Command } from '../io';
import { commonOptionsHelp, parseEngineArgs, printReport, readInput } from './engine-input';

const help = `usage: vendordesk sla <tickets.json | -> [--at <time>] [--policy <id|file>]

服务时效：每张工单的首次响应时限、状态（met / breached / pending）与响应秒数。
Service-ticket SLA (formats.md §3). Input:
  { "tickets": [ { "id", "kind", "openedAt", "firstResponseAt", "staff"? } ] }
  kind: consultation (咚咚, 30 s of service time) | complaint (30 min, any hour)
        | after-sales-email | after-sales-phone (9 service hours)
  firstResponseAt: null while unanswered. Service hours: 09:00–18:00 on State Council workdays.
Output: { "tickets": [ { "id", "deadline", "status", "responseSeconds", "calendarConfirmed", … } ],
          "summary": { "met", "breached", "pending" }, "compliance": { byDay, byKind, byStaff } }

${commonOptionsHelp}`;

export const run: Command = async (argv, io) => {
  const parsed = await parseEngineArgs(argv, io, help, 'sla');
  if (!parsed.ok) return parsed.exitCode;
  const { file, at, pack, calendarOverrides, officialYears, compact } = parsed.args;
  const input = await readInput(file, io, ticketsFileSchema);
  if (!input.ok) return EXIT_INPUT;
  printReport(io, computeSla(input.value.tickets, at, pack, { calendarOverrides, officialYears }), compact);
  return EXIT_OK;
};
