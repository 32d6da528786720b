#!/usr/bin/env node
/**
 * `npm run security:electron` — Electronegativity (Doyensec's Electron security linter) over the
 * app's sources: electron/ (main, preload, services), renderer/ and shared/, scanned together so
 * its global checks (CSP, navigation limits, permission handlers) see the whole app.
 *
 * Exit 1 when a HIGH or MEDIUM finding is not explained in security/electronegativity-explained.json
 * (matched by check id and file); LOW and informational findings are printed only. The check that
 * downloads Electron's release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) needs the internet and is
 * skipped: Electron upgrades are tracked by dependency updates instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['electron', 'renderer', 'shared', 'package.json'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 CSV (quoted fields, "" escapes), as Electronegativity writes it. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Findings from Electronegativity's CSV: { check, severity, confidence, file, location, description }. */
export function findingsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const at = (name) => header.findIndex((h) => h.trim() === name);
  const [iIssue, iSeverity, iConfidence, iFile, iLocation, iDescription] = [
    'issue',
    'severity',
    'confidence',
    'filename',
    'location',
    'description',
  ].map(at);
  return rows.map((r) => ({
    check: r[iIssue]?.trim() ?? '',
    severity: r[iSeverity]?.trim() ?? '',
    confidence: r[iConfidence]?.trim() ?? '',
    file: (r[iFile]?.trim() ?? '').split(path.sep).join('/'),
    location: r[iLocation]?.trim() ?? '',
    description: r[iDescription]?.trim() ?? '',
  }));
}

/** HIGH/MEDIUM findings with no explanation, and explanations that match no finding (stale). */
export function review(findings, explained) {
  const matches = (e, f) => e.check === f.check && e.file === f.file;
  const blocking = findings.filter((f) => BLOCKING.has(f.severity));
  return {
    unexplained: blocking.filter((f) => !explained.some((e) => matches(e, f))),
    explained: blocking.filter((f) => explained.some((e) => matches(e, f))),
    stale: explained.filter((e) => !findings.some((f) => matches(e, f))),
    other: findings.filter((f) => !BLOCKING.has(f.severity)),
  };
}

function main() {
  const require = createRequire(import.meta.url);
  const cli = path.join(
    path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
    'dist',
    'index.js',
  );
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  // A copy of the scanned sources only (Electronegativity would otherwise walk node_modules/ too).
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-electronegativity-'));
  try {
    for (const entry of SCANNED)
      fs.cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
    const csv = path.join(work, 'findings.csv');
    const result = spawnSync(
      process.execPath,
      [
        cli,
        '-i',
        work,
        '-r',
        '-v',
        'false',
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-e',
        electronVersion,
        '-o',
        csv,
      ],
      { encoding: 'utf8', cwd: work },
    );
    if (result.status !== 0 || !fs.existsSync(csv)) {
      process.stderr.write(
        `electronegativity failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}\n`,
      );
      return 2;
    }
    const findings = findingsFromCsv(fs.readFileSync(csv, 'utf8'));
    const { explained } = JSON.parse(
      fs.readFileSync(path.join(root, 'security', 'electronegativity-explained.json'), 'utf8'),
    );
    const outcome = review(findings, explained);
    const line = (f) => `  ${f.severity.padEnd(13)} ${f.check}  ${f.file}:${f.location}  ${f.description}`;
    console.log(
      `Electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}— ${findings.length} finding(s)`,
    );
    if (outcome.explained.length)
      console.log(
        `explained (security/electronegativity-explained.json):\n${outcome.explained.map(line).join('\n')}`,
      );
    if (outcome.other.length) console.log(`low / informational:\n${outcome.other.map(line).join('\n')}`);
    for (const e of outcome.stale)
      console.warn(`warning: explained entry matches no finding any more: ${e.check} ${e.file}`);
    if (outcome.unexplained.length) {
      console.error(
        `UNEXPLAINED high/medium findings — fix them, or explain them in security/electronegativity-explained.json:\n${outcome.unexplained.map(line).join('\n')}`,
      );
      return 1;
    }
    console.log('no unexplained high or medium finding');
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main();
