/**
 * `vendordesk api <METHOD> <path>` — one signed request to the marketplace API, for vendors
 * debugging an integration. Prints the JSON response; with --dry-run prints the signed request
 * instead of sending it. Exit 0 on 2xx, 1 on an error answer (its envelope is printed) or no
 * answer, 2 on bad usage.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signRequest } from '../../electron/services/api/signer';
import {
  DEFAULT_ENDPOINT,
  DEFAULT_REGION,
  DEFAULT_SERVICE,
  IDEMPOTENCY_HEADER,
} from '../../shared/api/paths';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type CliIO, type Command } from '../io';

const USAGE = `用法 / usage: vendordesk api <METHOD> <path> [options]

  METHOD              GET, POST, PUT, DELETE or PATCH
  path                e.g. /v1/regions/cn-north-1/vendor (sent as given)
  --query k=v         add a query parameter (repeatable)
  --header k=v        add a request header (repeatable; the same name again adds a value:
                      a multi-valued header, signed value by value)
  --idempotency-key KEY|none
                      幂等键 / the ${IDEMPOTENCY_HEADER} of a mutation: KEY (8–128 visible characters),
                      or none to send no key (default: a fresh key)
  --body FILE         request body from FILE ("-" reads standard input); sent as application/json
  --region NAME       signing region (default ${DEFAULT_REGION})
  --service NAME      service name in the signing scope (default ${DEFAULT_SERVICE})
  --endpoint URL      default $VENDORDESK_ENDPOINT, else ${DEFAULT_ENDPOINT}
  --dry-run           print {"method","url","headers"} with the signed headers; send nothing
  --date ISO          sign as of this time (e.g. 2019-09-17T06:47:08Z)
  --nonce VALUE       use this x-jdcloud-nonce

Credentials come from VENDORDESK_ACCESS_KEY and VENDORDESK_SECRET_KEY.
Mutations get a fresh ${IDEMPOTENCY_HEADER} unless --idempotency-key or --header sets one.
`;

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

class UsageError extends Error {}

function pairs(values: string[] | undefined, option: string): Array<[string, string]> {
  return (values ?? []).map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${option} "${text}": expected k=v`);
    return [text.slice(0, eq), text.slice(eq + 1)];
  });
}

function parseDate(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(date.getTime()))
    throw new UsageError(`--date "${text}": expected an ISO time such as 2019-09-17T06:47:08Z`);
  return date;
}

async function readBody(file: string | undefined, io: CliIO): Promise<string | undefined> {
  if (file === undefined) return undefined;
  if (file === '-') return io.readStdin();
  const path = resolve(io.cwd, file);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--body ${file}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

export const run: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        query: { type: 'string', multiple: true },
        header: { type: 'string', multiple: true },
        'idempotency-key': { type: 'string' },
        body: { type: 'string' },
        region: { type: 'string' },
        service: { type: 'string' },
        endpoint: { type: 'string' },
        'dry-run': { type: 'boolean' },
        date: { type: 'string' },
        nonce: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`vendordesk api: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }

  let request: { method: string; url: string; headers: Record<string, string>; body: string | undefined };
  try {
    if (positionals.length !== 2) throw new UsageError('expected <METHOD> <path>');
    const method = positionals[0]!.toUpperCase();
    const path = positionals[1]!;
    if (!METHODS.has(method))
      throw new UsageError(`unknown method "${positionals[0]!}" (GET, POST, PUT, DELETE, PATCH)`);
    if (!path.startsWith('/')) throw new UsageError(`path "${path}" must start with /`);
    const endpoint = (values.endpoint ?? io.env.VENDORDESK_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/\s]+$/.test(endpoint))
      throw new UsageError(`--endpoint "${endpoint}": expected http(s)://host[:port]`);
    const accessKey = io.env.VENDORDESK_ACCESS_KEY;
    const secretKey = io.env.VENDORDESK_SECRET_KEY;
    if (!accessKey || !secretKey)
      throw new UsageError('VENDORDESK_ACCESS_KEY and VENDORDESK_SECRET_KEY must be set (未设置访问密钥)');

    const query = pairs(values.query, 'query')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const target = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
    // A name given twice is one header with several values (JD Cloud signs each value, trimmed).
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of pairs(values.header, 'header')) {
      const name = k.toLowerCase();
      const had = headers[name];
      headers[name] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
    }
    const body = await readBody(values.body, io);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const key = values['idempotency-key'];
    if (key !== undefined) {
      if (headers[IDEMPOTENCY_HEADER] !== undefined)
        throw new UsageError(
          `--idempotency-key and --header ${IDEMPOTENCY_HEADER} both set the key; give one`,
        );
      if (key !== 'none' && !/^[\x21-\x7e]{8,128}$/.test(key))
        throw new UsageError(`--idempotency-key "${key}": expected 8–128 visible ASCII characters, or none`);
      if (key !== 'none') headers[IDEMPOTENCY_HEADER] = key;
    } else if (method !== 'GET' && headers[IDEMPOTENCY_HEADER] === undefined) {
      headers[IDEMPOTENCY_HEADER] = randomUUID();
    }
    const signed = signRequest(
      { method, target, headers, body: body ?? '' },
      {
        credentials: { accessKey, secretKey },
        region: values.region ?? DEFAULT_REGION,
        service: values.service ?? DEFAULT_SERVICE,
        date: parseDate(values.date),
        nonce: values.nonce ?? randomUUID(),
      },
    );
    request = { method, url: endpoint + target, headers: signed, body };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`vendordesk api: ${error.message}\n\n${USAGE}`);
    return EXIT_INPUT;
  }

  if (values['dry-run']) {
    io.stdout.write(
      `${JSON.stringify({ method: request.method, url: request.url, headers: request.headers }, null, 2)}\n`,
    );
    return EXIT_OK;
  }

  // A write whose answer was lost may have been applied: say how to retry it without a second copy.
  const key = request.method === 'GET' ? undefined : request.headers[IDEMPOTENCY_HEADER];
  const retryHint = key
    ? `  可能已生效；重试请沿用同一幂等键 / it may have been applied; retry with the same key: --header ${IDEMPOTENCY_HEADER}=${key}\n`
    : '';
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    io.stderr.write(
      `vendordesk api: 请求失败 / request failed: ${cause?.code ?? cause?.message ?? (error as Error).message} (${request.method} ${request.url})\n${retryHint}`,
    );
    return EXIT_FINDINGS;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    io.stderr.write(
      `vendordesk api: HTTP ${response.status}, 响应不是 JSON / the response is not JSON:\n${text.slice(0, 2000)}\n${retryHint}`,
    );
    return EXIT_FINDINGS;
  }
  io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return response.ok ? EXIT_OK : EXIT_FINDINGS;
};
