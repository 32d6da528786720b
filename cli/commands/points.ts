/** `vendordesk points <file|-> --at <time> [--policy id|file]` — formats.md §5. */
import { getPolicyPack, policyIds } from '../../shared/policy/packs';
import type { PolicyPack } from '../../shared/policy/schema';
import { violationsFileSchema } from '../../shared/points/schema';
import { computePoints } from '../../shared/points/compute';
import { EXIT_INPUT, EXIT_OK, type Command } from '../io';
import { commonOptionsHelp, parseEngineArgs, printReport, readInput } from './engine-input';

const help = `usage: vendordesk points <violations.json | -> [--at <time>] [--policy <id|file>]

违规扣分：当年累计分数、距 24 分剩余、是否清退、生效中的服务冻结、保证金扣除。
Violation points (formats.md §5). Input:
  { "violations": [ { "id", "code", "occurredAt", "decidedAt", "points"?, "freezeDays"?, "depositDeduction"? } ] }
  decidedAt: null while undecided. Points count in the Beijing year of decidedAt (reset 24:00 on 31 Dec).
Output (jdcloud-marketplace-2019): { "year", "total", "remaining", "expelled",
  "activeFreezes": [ { "violationId", "from", "until" } ], "depositDeductions", "depositForfeited" }

--policy jd-store-2021（2021 年京东店铺违规扣分规则）：一般违规与严重违规分别计分；文件还可列出订单，
用于计算延迟发货 / general and serious points are reported separately; the file may also list
orders for the delayed-shipment rule:
  "orders": [ { "id", "paidAt", "waybillUploadedAt", "pickedUpAt" } ]
  late = waybill not uploaded within 24 h of paidAt, or no pickup within 48 h (null = not yet).
  Each Beijing week (Mon–Sun, by paidAt) is assessed once its last 48-hour window has closed:
  48-hour pickup rate >= 95 %: 1 point per late order, at most 7; below 95 %: 7 points.

违规代码 / violation codes ("code"), per policy — points, then freeze days and deduction (yuan) where the policy has them:
${policyIds.map((id) => codesHelp(getPolicyPack(id))).join('\n')}

A violation id listed more than once is one matter (针对一事仅作一次处理): it counts once, the last
record wins, and a warning names the id.

${commonOptionsHelp}`;

/** The codes a policy accepts, one per line, generated from the pack so help and engine agree. */
function codesHelp(pack: PolicyPack): string {
  const points = pack.points;
  const lines =
    points.model === 'annual'
      ? Object.entries(points.codes).map(
          ([code, p]) =>
            `    ${code.padEnd(38)} ${String(p.points).padStart(2)} 分  ${p.freeze === 'expel' ? '清退 expel' : `冻结 ${p.freeze} 天`}  ${p.deduction === 'all' ? '扣全部保证金 all' : `扣 ${p.deduction}`}  ${p.text['zh-CN']}`,
        )
      : Object.entries(points.codes).map(
          ([code, p]) =>
            `    ${code.padEnd(38)} ${String(p.points).padStart(2)} 分  ${p.category === 'serious' ? '严重 serious' : '一般 general'}  ${p.text['zh-CN']}`,
        );
  return `  ${pack.id}:\n${lines.join('\n')}`;
}

export const run: Command = async (argv, io) => {
  const parsed = await parseEngineArgs(argv, io, help, 'points');
  if (!parsed.ok) return parsed.exitCode;
  const { file, at, pack, compact } = parsed.args;
  const input = await readInput(file, io, violationsFileSchema(pack));
  if (!input.ok) return EXIT_INPUT;
  printReport(io, computePoints(input.value, at, pack), compact);
  return EXIT_OK;
};
