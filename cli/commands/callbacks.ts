/**
 * `vendordesk callbacks test --url URL --key KEY` — formats.md §6: plays the marketplace against
 * a vendor's delivery-callback endpoint and judges each check. Exit 0 no check failed, 1 at least
 * one failed, 2 bad options or the endpoint unreachable. The key is never printed.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_RETRY_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRIES,
  answerLimitMs,
} from '../../shared/callbacks/checks';
import { explanationOf } from '../../shared/callbacks/explanations';
import {
  runCallbackTest,
  TesterOptionError,
  parseEndpointUrl,
  validateKey,
  type TestRun,
} from '../../electron/services/callbacks/tester';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type Command } from '../io';

const USAGE = `用法 / usage: vendordesk callbacks test --url URL --key KEY [options]

交付回调测试：扮演云市场调用服务商的交付接口（createInstance、renewInstance、upgradeInstance、
dilateInstance、expiredInstance、releaseInstance），逐项判定（formats.md §6）。只调用 --url 指定的地址。
Delivery-callback test: plays the marketplace against your endpoint and judges each check
(formats.md §6). Calls go only to --url.

  --url URL                 the vendor endpoint (http:// or https://)
  --key KEY                 the vendor key of the vendor console (服务商密钥); never printed
  --format json|text        output (default text)
  --timeout-ms N            the "must not block" limit for createInstance (default ${DEFAULT_TIMEOUT_MS})
  --answer-limit-ms N       how long to wait for a complete answer before counting it as none
                            (default the larger of 4× --timeout-ms and --timeout-ms + 15000)
  --retry-interval-ms N     pause between retries while an answer is instanceId 0 (default ${DEFAULT_RETRY_INTERVAL_MS});
                            at most ${MAX_RETRIES} retries

Checks / 检查项: token-accepted, token-rejected, create-fast, create-queued-completes, create-shape,
  create-idempotent, per-unit-instances, renew, upgrade, dilate, expired, release
退出码 / exit status: 0 全部通过 no check failed · 1 有检查未通过 a check failed
  · 2 选项无效或端点不可达 bad options or the endpoint unreachable
`;

function whole(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new TesterOptionError(
      `--${name} "${text}": 需要 ${min}–${max} 的整数 / expected a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

const marks = { pass: '✓', fail: '✗', skip: '–' } as const;

function textReport(run: TestRun): string {
  const lines = [`交付回调测试 / delivery-callback test: ${run.url}`, ''];
  for (const check of run.checks) {
    lines.push(
      `${marks[check.status]} ${check.status.padEnd(4)} ${check.id.padEnd(24)} ${String(check.ms).padStart(6)} ms  ${check.message}`,
    );
    if (check.status === 'fail') {
      const e = explanationOf(check.id);
      lines.push(`    修复 / fix: ${e.zhCN.fix}`, `                ${e.en.fix}`);
    }
  }
  lines.push(
    '',
    `通过 pass ${run.summary.pass} · 未通过 fail ${run.summary.fail} · 跳过 skip ${run.summary.skip}`,
  );
  return `${lines.join('\n')}\n`;
}

export const run: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (sub !== 'test') {
    io.stderr.write(
      `vendordesk callbacks: ${sub === undefined ? '缺少子命令 / missing subcommand' : `未知子命令 / unknown subcommand "${sub}"`}\n\n${USAGE}`,
    );
    return EXIT_INPUT;
  }
  let options;
  let format: 'json' | 'text';
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        format: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'retry-interval-ms': { type: 'string' },
        'answer-limit-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (positionals.length > 0)
      throw new TesterOptionError(`多余的参数 / unexpected argument "${positionals[0]!}"`);
    if (values.url === undefined) throw new TesterOptionError('缺少 --url / --url is required');
    if (values.key === undefined) throw new TesterOptionError('缺少 --key / --key is required');
    format = (values.format ?? 'text') as 'json' | 'text';
    if (format !== 'json' && format !== 'text')
      throw new TesterOptionError(`--format "${values.format!}": json 或 text / expected json or text`);
    parseEndpointUrl(values.url);
    validateKey(values.key);
    const timeoutMs = whole('timeout-ms', values['timeout-ms'], DEFAULT_TIMEOUT_MS, 1, 600_000);
    options = {
      url: values.url,
      key: values.key,
      timeoutMs,
      retryIntervalMs: whole(
        'retry-interval-ms',
        values['retry-interval-ms'],
        DEFAULT_RETRY_INTERVAL_MS,
        0,
        600_000,
      ),
      answerLimitMs: whole(
        'answer-limit-ms',
        values['answer-limit-ms'],
        answerLimitMs(timeoutMs),
        timeoutMs,
        3_600_000,
      ),
    };
  } catch (error) {
    const message =
      error instanceof TesterOptionError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? (error as Error).message
        : null;
    if (message === null) throw error;
    io.stderr.write(`vendordesk callbacks test: ${message}\n\n${USAGE}`);
    return EXIT_INPUT;
  }

  const result = await runCallbackTest(options);
  if (format === 'json') {
    const out = {
      url: result.url,
      checks: result.checks.map(({ id, status, message, ms }) => ({ id, status, message, ms })),
      summary: result.summary,
      ...(result.unreachable
        ? { error: `unreachable: ${result.unreachable.code} ${result.unreachable.message}` }
        : {}),
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout.write(textReport(result));
  }
  if (result.unreachable) {
    io.stderr.write(
      `vendordesk callbacks test: 端点不可达 / the endpoint is unreachable: ${result.unreachable.code} ${result.unreachable.message} (${result.url}; waited at most ${options.answerLimitMs} ms)\n`,
    );
    return EXIT_INPUT;
  }
  return result.summary.fail > 0 ? EXIT_FINDINGS : EXIT_OK;
};
