/**
 * PDF printing in browser mode: headless Chromium prints the self-contained report HTML
 * (`--print-to-pdf`). The HTML is written to a private temp folder together with a throwaway
 * profile, so a running browser's profile is never touched and nothing is left behind.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/ipc/errors';
import type { PdfPrinter } from '../platform';

export const PDF_UNAVAILABLE = 'pdf-unavailable';

export interface ChromiumPrinterOptions {
  /** Explicit path; else CHROMIUM_PATH, else the usual Linux locations. */
  executablePath?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(options: ChromiumPrinterOptions = {}): string | null {
  const env = options.env ?? process.env;
  const explicit = options.executablePath ?? env.CHROMIUM_PATH;
  if (explicit) return fs.existsSync(explicit) ? explicit : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

function unavailable(reason: string): AppError {
  return new AppError(
    'invalid-input',
    `生成 PDF 需要 Chromium（${reason}）；请安装 Chromium 或设置 CHROMIUM_PATH，也可以先导出 HTML 报告再用浏览器打印。 / PDF needs Chromium (${reason}); install Chromium or set CHROMIUM_PATH, or export the HTML report and print it from a browser.`,
    { reason: PDF_UNAVAILABLE },
  );
}

export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  return {
    async htmlToPdf(html) {
      const executable = findChromium(options);
      if (!executable) throw unavailable('not found');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-pdf-'));
      try {
        const input = path.join(dir, 'report.html');
        const output = path.join(dir, 'report.pdf');
        fs.writeFileSync(input, html);
        const args = [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-pdf-header-footer',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ];
        await new Promise<void>((resolve, reject) => {
          execFile(
            executable,
            args,
            { timeout: options.timeoutMs ?? 60_000, maxBuffer: 4 * 1024 * 1024 },
            (error, _stdout, stderr) => {
              if (error && !fs.existsSync(output))
                reject(
                  unavailable(
                    `${path.basename(executable)} failed: ${error.message.split('\n')[0]} ${String(stderr).slice(-300)}`,
                  ),
                );
              else resolve();
            },
          );
        });
        if (!fs.existsSync(output)) throw unavailable(`${path.basename(executable)} wrote no PDF`);
        return new Uint8Array(fs.readFileSync(output));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
