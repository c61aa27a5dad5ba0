// Chromium for the browser tests and screenshots: the system's /usr/bin/chromium when present, else the one inside the @sparticuz/chromium tarball.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Which browser runs, and why; `env` is the environment the browser process gets. */
export interface ChromiumChoice {
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
  executablePath: string;
  env: Record<string, string>;
}

/**
 * ECO_CHROMIUM=npm forces the packaged browser (how CI and a developer test the bare-machine path on a machine that
 * has Debian's chromium), ECO_CHROMIUM=system insists on /usr/bin/chromium, CHROMIUM_PATH names any other binary.
 */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): ChromiumChoice['source'] {
  const forced = env['ECO_CHROMIUM'];
  if (forced !== undefined && forced !== '' && forced !== 'npm' && forced !== 'system') {
    throw new Error(`ECO_CHROMIUM must be "npm" or "system", not "${forced}"`);
  }
  if (env['CHROMIUM_PATH']) return 'CHROMIUM_PATH';
  if (forced === 'npm') return 'npm';
  if (forced === 'system') {
    if (!exists(SYSTEM_CHROMIUM)) throw new Error(`ECO_CHROMIUM=system, but ${SYSTEM_CHROMIUM} does not exist`);
    return 'system';
  }
  return exists(SYSTEM_CHROMIUM) ? 'system' : 'npm';
}

function packageRoot(): string {
  // The package exports no package.json; its CommonJS entry sits at build/cjs/index.cjs.
  return resolve(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
}

/** Regular files and folders of a ustar archive (all the package's archives hold), written under `dest`. */
export function untar(archive: Buffer, dest: string): string[] {
  const written: string[] = [];
  let at = 0;
  while (at + 512 <= archive.length) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number): string =>
      header.subarray(from, from + length).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const mode = parseInt(field(100, 8).trim() || '644', 8);
    at += 512;
    const target = resolve(dest, name);
    if (!target.startsWith(resolve(dest))) throw new Error(`archive entry ${name} points outside ${dest}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(at, at + size), { mode: mode & 0o777 });
      written.push(name);
    } else throw new Error(`archive entry ${name} has type ${type}, which this reader does not unpack`);
    at += Math.ceil(size / 512) * 512;
  }
  return written;
}

/**
 * The package ships brotli files: the headless shell, the NSS libraries it links against (built for Amazon Linux,
 * glibc-compatible with Debian) and one Latin font. Unpacked once per package version under node_modules/.cache,
 * into a temporary folder renamed into place, so two test workers unpacking at once do no harm.
 */
export function unpackNpmChromium(): { executablePath: string; libDir: string; fontsConf: string } {
  const pkg = packageRoot();
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = resolve(pkg, '..', '..', '.cache', 'eco-ledger', `sparticuz-chromium-${version}`);
  const paths = {
    executablePath: join(dir, 'chromium'),
    libDir: join(dir, 'al2023', 'lib'),
    fontsConf: join(dir, 'fonts.conf'),
  };
  if (existsSync(join(dir, 'ready'))) return paths;
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const bin = (file: string): Buffer => brotliDecompressSync(readFileSync(join(pkg, 'bin', file)));
  writeFileSync(join(work, 'chromium'), bin('chromium.br'), { mode: 0o755 });
  untar(bin('al2023.tar.br'), join(work, 'al2023'));
  untar(bin('fonts.tar.br'), join(work, 'fonts-package'));
  // Only the package's own font folder: no system font is visible, so a CJK glyph on screen can only come from
  // the page's font (preview/page-font.ts). Chromium needs at least one font or its renderer dies.
  writeFileSync(
    join(work, 'fonts.conf'),
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
      `  <dir>${join(dir, 'fonts-package', 'fonts')}</dir>\n  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  writeFileSync(join(work, 'ready'), `${version}\n`);
  try {
    renameSync(work, dir);
  } catch (e) {
    // Another worker finished first: its copy is as good as ours.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(dir, 'ready'))) throw e;
  }
  return paths;
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

export function resolveChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const source = chooseChromium(env);
  if (source === 'CHROMIUM_PATH') return { source, executablePath: env['CHROMIUM_PATH']!, env: stringEnv(env) };
  if (source === 'system') return { source, executablePath: SYSTEM_CHROMIUM, env: stringEnv(env) };
  const npm = unpackNpmChromium();
  const libs = [npm.libDir, ...(env['LD_LIBRARY_PATH'] ? [env['LD_LIBRARY_PATH']] : [])].join(':');
  return {
    source,
    executablePath: npm.executablePath,
    env: { ...stringEnv(env), LD_LIBRARY_PATH: libs, FONTCONFIG_FILE: npm.fontsConf },
  };
}

export function launchChromium(): Promise<Browser> {
  const choice = resolveChromium();
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: CHROMIUM_ARGS, env: choice.env });
}
