import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { fakeIO } from '../helpers/fake-io';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('vendordesk dispatcher', () => {
  it('without a command: usage on stderr, exit 2', async () => {
    const io = fakeIO();
    expect(await main([], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toContain('usage: vendordesk <command>');
  });

  it('--help: usage on stdout in both languages, exit 0', async () => {
    const io = fakeIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/商品上架自检[\s\S]*self-check/);
    for (const name of ['check', 'sla', 'deposit', 'points', 'callbacks', 'api'])
      expect(io.out).toContain(`  ${name}`);
  });

  it('an unknown command: exit 2 naming it', async () => {
    const io = fakeIO();
    expect(await main(['chek'], io)).toBe(2);
    expect(io.err).toContain('"chek"');
  });

  it('a reader that closes the pipe early (| head) is not a crash', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin/vendordesk.mjs'), 'check', 'test/fixtures'], {
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect([0, 1, 2]).toContain(code);
  });
});
