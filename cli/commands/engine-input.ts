/**
 * What `vendordesk sla|deposit|points` share: options, reading the input file (or `-` for stdin),
 * located input errors (exit 2: the file, the field and the problem), `--at` parsing and printing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseIsoInstant } from '../../shared/calendar/instant';
import { officialYearSchema, type OfficialYear } from '../../shared/calendar/official-year';
import { formatProblems, parseInputText, type InputResult } from '../../shared/policy/input-file';
import { DEFAULT_POLICY_ID, getPolicyPack, parsePolicyPackText, policyIds } from '../../shared/policy/packs';
import type { PolicyPack } from '../../shared/policy/schema';
import { EXIT_INPUT, type CliIO } from '../io';

export interface EngineArgs {
  file: string;
  /** epoch ms */
  at: number;
  pack: PolicyPack;
  calendarOverrides: Record<string, 'workday' | 'holiday'>;
  /** Years loaded with `--calendar` (formats.md §8), in the order given. */
  officialYears: OfficialYear[];
  compact: boolean;
}

export const commonOptionsHelp = `选项 / options:
  --at <time>          评估时间，ISO 8601 且须带时区偏移（默认：现在）
                       evaluate as of this ISO 8601 time with an offset, e.g. 2026-01-05T18:00:00+08:00
                       (default: now)
  --policy <id|file>   策略包：内置 id，或策略包文件（使用前校验，无效时指出字段与问题；
                       文件中 calendar.officialYears 的年份同样生效，--calendar 载入的同一年优先）
                       policy pack: a bundled id (${policyIds.join(' | ')}; default ${DEFAULT_POLICY_ID})
                       or a pack file, validated first (an invalid one exits 2 naming the field);
                       the official years it carries apply, a --calendar file of the same year wins
  --calendar <file>    载入某一年的国务院节假日安排（formats.md §8，可重复）：
                       { "year", "source", "holidays": [日期], "makeupWorkdays": [日期] }
                       load a year's official holidays and make-up workdays (formats.md §8; repeatable).
                       A year with no official list is "unconfirmed": Monday–Friday are assumed and
                       each result computed over it says calendarConfirmed: false
  --overrides <file>   单日覆盖：JSON 对象，日期 → "workday" | "holiday"
                       single-date overrides, date → "workday" | "holiday"
  --compact            输出单行 JSON / one-line JSON instead of pretty-printed
  -h, --help           显示本帮助 / this help

输入有误（JSON 无法解析、字段错误）时退出码为 2，并指出文件、字段和问题。
Input errors (unreadable JSON, wrong fields) exit with status 2 and name the file, the field and the problem.
所有规则时间均按北京时间（Asia/Shanghai）计算，与本机时区无关。
All rule times are Beijing time (Asia/Shanghai) whatever this computer's time zone.`;

const overridesSchema = z.record(
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'keys must be YYYY-MM-DD dates' }),
  z.enum(['workday', 'holiday'], { error: 'must be "workday" or "holiday"' }),
);

export type ParsedArgs = { ok: true; args: EngineArgs } | { ok: false; exitCode: number };

/** Parses argv; prints help or the problem itself and returns the exit code when it cannot go on. */
export async function parseEngineArgs(
  argv: string[],
  io: CliIO,
  help: string,
  needs: 'sla' | 'deposit' | 'points',
): Promise<ParsedArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        at: { type: 'string' },
        policy: { type: 'string' },
        overrides: { type: 'string' },
        calendar: { type: 'string', multiple: true },
        compact: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${help}\n`);
    return { ok: false, exitCode: EXIT_INPUT };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return { ok: false, exitCode: 0 };
  }
  if (positionals.length !== 1) {
    io.stderr.write(
      `需要且只需要一个输入文件（或 - 表示标准输入） / expected exactly one input file (or - for stdin)\n\n${help}\n`,
    );
    return { ok: false, exitCode: EXIT_INPUT };
  }

  let at = Date.now();
  if (values.at !== undefined) {
    const instant = parseIsoInstant(values.at);
    if (!instant.ok) {
      io.stderr.write(`--at: ${instant.message}\n`);
      return { ok: false, exitCode: EXIT_INPUT };
    }
    at = instant.ms;
  }

  let pack: PolicyPack;
  const policy = values.policy ?? DEFAULT_POLICY_ID;
  if (POLICY_ID.test(policy)) {
    try {
      pack = getPolicyPack(policy);
    } catch (error) {
      io.stderr.write(`--policy: ${(error as Error).message}\n`);
      return { ok: false, exitCode: EXIT_INPUT };
    }
  } else {
    const read = await readPolicyFile(policy, io);
    if (!read) return { ok: false, exitCode: EXIT_INPUT };
    pack = read;
  }
  if (needs !== 'points' && !pack[needs]) {
    io.stderr.write(
      `--policy: 策略 ${pack.id} 不含${needs === 'sla' ? '服务时效' : '保证金'}规则 / policy ${pack.id} has no ${needs} rules\n`,
    );
    return { ok: false, exitCode: EXIT_INPUT };
  }

  let calendarOverrides: Record<string, 'workday' | 'holiday'> = {};
  if (values.overrides !== undefined) {
    const read = await readInput(values.overrides, io, overridesSchema);
    if (!read.ok) return { ok: false, exitCode: EXIT_INPUT };
    calendarOverrides = read.value;
  }

  const officialYears: OfficialYear[] = [];
  for (const calendarFile of values.calendar ?? []) {
    const read = await readInput(calendarFile, io, officialYearSchema);
    if (!read.ok) return { ok: false, exitCode: EXIT_INPUT };
    officialYears.push(read.value);
  }

  return {
    ok: true,
    args: {
      file: positionals[0]!,
      at,
      pack,
      calendarOverrides,
      officialYears,
      compact: values.compact ?? false,
    },
  };
}

/** A bundled pack's id; anything else `--policy` is given is a pack file's path. */
const POLICY_ID = /^[a-z0-9-]+$/;

/** A policy pack file (the shape of resources/policies/*.json), validated like the app's import. */
async function readPolicyFile(file: string, io: CliIO): Promise<PolicyPack | null> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file / 文件不存在'
        : (error as Error).message;
    io.stderr.write(`--policy: ${file}: 无法读取 / cannot read: ${reason}\n`);
    return null;
  }
  const parsed = parsePolicyPackText(text);
  if (parsed.ok) return parsed.value;
  io.stderr.write(`--policy: 策略包无效 / invalid policy pack\n${formatProblems(file, parsed.problems)}\n`);
  return null;
}

/** Reads and validates an input file; on failure prints located problems to stderr. */
export async function readInput<S extends z.ZodType>(
  file: string,
  io: CliIO,
  schema: S,
): Promise<InputResult<z.output<S>>> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file / 文件不存在'
        : (error as Error).message;
    io.stderr.write(`${file}: 无法读取 / cannot read: ${reason}\n`);
    return { ok: false, problems: [{ kind: 'json', path: '', message: reason }] };
  }
  const result = parseInputText(schema, text);
  if (!result.ok) io.stderr.write(`${formatProblems(file === '-' ? '<stdin>' : file, result.problems)}\n`);
  return result;
}

/** Prints the report as one JSON object and its warnings on stderr. */
export function printReport(io: CliIO, report: { warnings?: readonly string[] }, compact: boolean): void {
  for (const warning of report.warnings ?? []) io.stderr.write(`warning: ${warning}\n`);
  io.stdout.write(`${compact ? JSON.stringify(report) : JSON.stringify(report, null, 2)}\n`);
}
