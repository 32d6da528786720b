/**
 * The OpenAPI document is the contract: it must be a valid OpenAPI 3.1 document, the shared zod
 * schemas must agree with its component schemas (same properties and required properties, at
 * every level), and what the sandbox actually answers must validate against the document's
 * response schemas.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signRequest } from '../../../electron/services/api/signer';
import { componentSchemas } from '../../../shared/api/schemas';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { defaultRulePack } from '../../../shared/check/rulepack';

type Json = Record<string, unknown>;
const doc = JSON.parse(
  readFileSync(new URL('../../../resources/api/marketplace.openapi.json', import.meta.url), 'utf8'),
) as Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

/** Every object in a schema, by path: its property names and required names, sorted; and every enum. */
function objectShapes(schema: unknown, path = '', out: Record<string, string> = {}): Record<string, string> {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Json;
  if (Array.isArray(s.enum)) out[`${path || '(root)'} enum`] = s.enum.map(String).sort().join(',');
  if (s.properties && typeof s.properties === 'object') {
    const props = s.properties as Record<string, unknown>;
    out[path || '(root)'] =
      `properties=${Object.keys(props).sort().join(',')} required=${((s.required as string[]) ?? []).slice().sort().join(',')}`;
    for (const [name, sub] of Object.entries(props)) objectShapes(sub, `${path}.${name}`, out);
  }
  if (s.items) objectShapes(s.items, `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(s[key]))
      (s[key] as unknown[]).forEach((sub, i) => objectShapes(sub, `${path}|${key}${i}`, out));
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    objectShapes(s.additionalProperties, `${path}{}`, out);
  return out;
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('follows the JD Cloud conventions: region paths, colon actions, idempotency keys on mutations', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/v1\/regions\/\{regionId\}\//);
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'parameters' || method === 'get') continue;
        expect(JSON.stringify(op.parameters), `${method} ${path}`).toContain('IdempotencyKey');
      }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/regions/{regionId}/listings/{id}:submit',
        '/v1/regions/{regionId}/changes',
      ]),
    );
  });

  it.each(Object.keys(componentSchemas))('component %s agrees with the shared zod schema', (name) => {
    const fromZod = z.toJSONSchema(componentSchemas[name as keyof typeof componentSchemas] as z.ZodType, {
      io: 'output',
      unrepresentable: 'any',
    });
    const fromDoc = doc.components.schemas[name];
    expect(fromDoc, `components.schemas.${name}`).toBeDefined();
    expect(objectShapes(fromDoc)).toEqual(objectShapes(fromZod));
  });
});

describe('sandbox answers validate against the document', () => {
  let sandbox: Sandbox;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');

  function responseValidator(path: string, method: string, status: string) {
    const op = doc.paths[path]?.[method] as {
      responses: Record<string, { content?: Record<string, { schema: Json }>; $ref?: string }>;
    };
    let response = op.responses[status]!;
    if (response.$ref)
      response = (doc.components as unknown as { responses: Record<string, typeof response> }).responses[
        response.$ref.split('/').pop()!
      ]!;
    const schema = JSON.parse(
      JSON.stringify(response.content!['application/json']!.schema).replaceAll(
        '"#/components/',
        '"doc#/components/',
      ),
    ) as Json;
    return ajv.compile(schema);
  }

  async function call(method: string, target: string, body?: unknown) {
    const first = sandbox.credentials[0]!;
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = signRequest(
      {
        method,
        target,
        headers: {
          'content-type': 'application/json',
          ...(method === 'GET' ? {} : { 'x-jdcloud-idempotency-key': randomUUID() }),
        },
        body: text,
      },
      { credentials: first, region: 'cn-north-1', service: 'market', date: new Date(), nonce: randomUUID() },
    );
    const response = await fetch(sandbox.url + target, {
      method,
      headers,
      body: body === undefined ? undefined : text,
    });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'openapi',
      listings: 8,
      tickets: 20,
      orders: 6,
      vendors: 1,
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const R = '/v1/regions/{regionId}';
  const gets: Array<[string, string]> = [
    [`${R}/vendor`, '/v1/regions/cn-north-1/vendor'],
    [`${R}/listings`, '/v1/regions/cn-north-1/listings?pageSize=100'],
    [`${R}/orders`, '/v1/regions/cn-north-1/orders?pageSize=100'],
    [`${R}/tickets`, '/v1/regions/cn-north-1/tickets?pageSize=100'],
    [`${R}/deposit`, '/v1/regions/cn-north-1/deposit'],
    [`${R}/deposit/ledger`, '/v1/regions/cn-north-1/deposit/ledger'],
    [`${R}/violations`, '/v1/regions/cn-north-1/violations'],
    [`${R}/rulePacks`, '/v1/regions/cn-north-1/rulePacks'],
    [
      `${R}/rulePacks/{id}/versions/{packVersion}`,
      `/v1/regions/cn-north-1/rulePacks/jdcloud-marketplace-2019/versions/${defaultRulePack.version}`,
    ],
    [`${R}/changes`, '/v1/regions/cn-north-1/changes?pageSize=1000'],
    [`${R}/listings/{id}`, '/v1/regions/cn-north-1/listings/nope'],
  ];

  it.each(gets)('GET %s', async (path, target) => {
    const { status, json } = await call('GET', target);
    const validate = responseValidator(path, 'get', String(status));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('POST listings, :submit, sandbox:advance and sandbox:publishRulePack, and a 412', async () => {
    const draft = {
      title: '测试商品',
      type: 'tool',
      price: { amount: 10, currency: 'CNY', billing: 'monthly' },
      description: '说明',
    };
    const created = await call('POST', '/v1/regions/cn-north-1/listings', { draft });
    expect(responseValidator(`${R}/listings`, 'post', '201')(created.json)).toBe(true);
    const id = (created.json as { result: { id: string } }).result.id;
    const submitted = await call('POST', `/v1/regions/cn-north-1/listings/${id}:submit`);
    expect(responseValidator(`${R}/listings/{id}:submit`, 'post', '200')(submitted.json)).toBe(true);
    const advanced = await call('POST', '/v1/regions/cn-north-1/sandbox:advance', { minutes: 60 });
    expect(responseValidator(`${R}/sandbox:advance`, 'post', '200')(advanced.json)).toBe(true);
    const published = await call('POST', '/v1/regions/cn-north-1/sandbox:publishRulePack', {
      packVersion: '9.9.9',
    });
    expect(responseValidator(`${R}/sandbox:publishRulePack`, 'post', '200')(published.json)).toBe(true);
    const stale = await call('DELETE', `/v1/regions/cn-north-1/listings/${id}`);
    expect(stale.status).toBe(428);
  });
});
