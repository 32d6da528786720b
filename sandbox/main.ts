/**
 * `npm run sandbox [-- --port N --data file --seed S --listings 500 --tickets 50000 --faults …]`
 *
 * Starts the sandbox marketplace on 127.0.0.1 and prints the first vendor's credentials and the
 * endpoint as shell lines, ready for `eval` or copy-paste:
 *   export VENDORDESK_ACCESS_KEY=…
 *   export VENDORDESK_SECRET_KEY=…
 *   export VENDORDESK_ENDPOINT=http://127.0.0.1:PORT
 * Data lives in `--data` (default ./sandbox-data.db); an existing file is reused as it is
 * (seed options only apply to a new file), so the change-feed cursor survives restarts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { deliveryFaults, isDeliveryFault, startDeliveryEndpoint } from './delivery-endpoint';
import { parseFaultRates } from './faults';
import { startSandbox } from './server';

const USAGE = `usage: npm run sandbox -- [--port N] [--data FILE] [--seed S] [--vendors N] [--listings N] [--tickets N] [--orders N] [--faults SPEC]
  --port      port on 127.0.0.1 (default 8787; 0 = any free port)
  --data      SQLite file (default ./sandbox-data.db); reused when it exists
  --seed      seed for reproducible data (default 1)
  --faults    random faults for every request, e.g. "latency=200,5xx=0.1,429=0.05,drop=0.02,truncate=0.02,malformed=0.02"
Per-request faults: header x-sandbox-fault (see sandbox/faults.ts).

交付回调参考端点 / reference delivery-callback endpoint (instead of the marketplace):
  npm run sandbox -- --delivery-endpoint [--port N (default 8788)] [--delivery-key KEY] [--delivery-fault MODE]
                     [--delivery-queue-ms N] [--delivery-delay-ms N]
  --delivery-key       the vendor key the endpoint verifies tokens with (default: a random one, printed)
  --delivery-fault     make it wrong in one way (the check it fails):
${Object.entries(deliveryFaults)
  .map(([mode, check]) => `                         ${mode.padEnd(22)} → ${check}`)
  .join('\n')}
  --delivery-queue-ms  background delivery time of a new unit (default 300; 0 = deliver before answering)
  --delivery-delay-ms  how long "blocking" takes to answer (default 6000)
`;

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000)
    throw new Error(`--${name} must be a whole number, got "${text}"`);
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        vendors: { type: 'string' },
        listings: { type: 'string' },
        tickets: { type: 'string' },
        orders: { type: 'string' },
        faults: { type: 'string' },
        'delivery-endpoint': { type: 'boolean' },
        'delivery-fault': { type: 'string' },
        'delivery-key': { type: 'string' },
        'delivery-queue-ms': { type: 'string' },
        'delivery-delay-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values['delivery-endpoint'] || values['delivery-fault'] !== undefined) return deliveryEndpoint(values);
  try {
    const started = Date.now();
    const sandbox = await startSandbox({
      port: count('port', values.port) ?? 8787,
      host: values.host ?? '127.0.0.1',
      dataFile: resolve(values.data ?? 'sandbox-data.db'),
      seed: values.seed ?? '1',
      vendors: count('vendors', values.vendors),
      listings: count('listings', values.listings),
      tickets: count('tickets', values.tickets),
      orders: count('orders', values.orders),
      faults: values.faults ? parseFaultRates(values.faults) : undefined,
    });
    const first = sandbox.credentials[0]!;
    process.stdout.write(
      `export VENDORDESK_ACCESS_KEY=${first.accessKey}\nexport VENDORDESK_SECRET_KEY=${first.secretKey}\nexport VENDORDESK_ENDPOINT=${sandbox.url}\n`,
    );
    process.stderr.write(
      `# 沙箱云市场已启动 / sandbox marketplace on ${sandbox.url} (data ${sandbox.dataFile}, ready in ${Date.now() - started} ms)\n`,
    );
    const stop = () => void sandbox.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  } catch (error) {
    process.stderr.write(`sandbox: ${(error as Error).message}\n`);
    return 1;
  }
}

async function deliveryEndpoint(values: Record<string, string | boolean | undefined>): Promise<number> {
  try {
    const fault = values['delivery-fault'] as string | undefined;
    if (fault !== undefined && !isDeliveryFault(fault)) {
      throw new Error(
        `--delivery-fault "${fault}": 未知模式 / unknown mode; one of ${Object.keys(deliveryFaults).join(', ')}`,
      );
    }
    const key = (values['delivery-key'] as string | undefined) ?? randomBytes(12).toString('hex');
    const endpoint = await startDeliveryEndpoint({
      key,
      fault: fault ?? null,
      port: count('port', values.port as string | undefined) ?? 8788,
      host: (values.host as string | undefined) ?? '127.0.0.1',
      queueMs: count('delivery-queue-ms', values['delivery-queue-ms'] as string | undefined),
      delayMs: count('delivery-delay-ms', values['delivery-delay-ms'] as string | undefined),
    });
    process.stdout.write(
      `export VENDORDESK_CALLBACK_URL=${endpoint.url}\nexport VENDORDESK_CALLBACK_KEY=${key}\n`,
    );
    process.stderr.write(
      `# 交付回调参考端点已启动 / reference delivery endpoint on ${endpoint.url} (${fault ? `fault ${fault} → fails ${deliveryFaults[fault]}` : 'correct'})\n` +
        `# npx vendordesk callbacks test --url "$VENDORDESK_CALLBACK_URL" --key "$VENDORDESK_CALLBACK_KEY"\n`,
    );
    const stop = () => void endpoint.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  } catch (error) {
    process.stderr.write(`sandbox: ${(error as Error).message}\n`);
    return 2;
  }
}

const code = await main();
if (code >= 0) process.exitCode = code;
