// Which Chromium the browser tests launch (system, packaged or named) and the packaged one's unpacking.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_CHROMIUM, chooseChromium, resolveChromium, untar } from '../../scripts/chromium';

const present = (p: string) => p === SYSTEM_CHROMIUM;
const absent = () => false;

describe('choosing Chromium', () => {
  it('takes the system chromium when there is one, else the packaged one', () => {
    expect(chooseChromium({}, present)).toBe('system');
    expect(chooseChromium({}, absent)).toBe('npm');
  });

  it('obeys ECO_CHROMIUM and CHROMIUM_PATH', () => {
    expect(chooseChromium({ ECO_CHROMIUM: 'npm' }, present)).toBe('npm');
    expect(chooseChromium({ ECO_CHROMIUM: 'system' }, present)).toBe('system');
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, absent)).toBe('CHROMIUM_PATH');
  });

  it('refuses ECO_CHROMIUM=system without a system chromium, and an unknown ECO_CHROMIUM', () => {
    expect(() => chooseChromium({ ECO_CHROMIUM: 'system' }, absent)).toThrow(`${SYSTEM_CHROMIUM} does not exist`);
    expect(() => chooseChromium({ ECO_CHROMIUM: 'chrome' }, present)).toThrow('must be "npm" or "system"');
  });

  it('gives the packaged browser its own libraries and a font configuration without any system font', () => {
    const choice = resolveChromium({ ECO_CHROMIUM: 'npm', LD_LIBRARY_PATH: '/usr/local/lib', FONTCONFIG_FILE: '/etc/fonts/fonts.conf' });
    expect(choice.source).toBe('npm');
    expect(statSync(choice.executablePath).mode & 0o111).not.toBe(0);
    const [own, rest] = choice.env['LD_LIBRARY_PATH']!.split(':');
    expect(statSync(join(own!, 'libnss3.so')).isFile()).toBe(true);
    expect(rest).toBe('/usr/local/lib');
    const conf = readFileSync(choice.env['FONTCONFIG_FILE']!, 'utf8');
    expect(conf.match(/<dir>[^<]*<\/dir>/g)).toEqual([expect.stringContaining('fonts-package')]);
    expect(conf).not.toContain('/usr/share/fonts');
  });
});

describe('untar', () => {
  function header(name: string, size: number, type: string): Buffer {
    const h = Buffer.alloc(512);
    h.write(name, 0);
    h.write('0000644\0', 100);
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    h.write(type, 156);
    return h;
  }
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

  it('writes folders and files, and refuses an entry pointing outside the target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'untar-'));
    try {
      const body = Buffer.from('hello');
      const archive = Buffer.concat([header('lib/', 0, '5'), header('lib/a.txt', body.length, '0'), pad(body), Buffer.alloc(1024)]);
      expect(untar(archive, dir)).toEqual(['lib/a.txt']);
      expect(readFileSync(join(dir, 'lib/a.txt'), 'utf8')).toBe('hello');
      const evil = Buffer.concat([header('../evil.txt', 1, '0'), pad(Buffer.from('x')), Buffer.alloc(1024)]);
      expect(() => untar(evil, dir)).toThrow('points outside');
      const link = Buffer.concat([header('lib/l', 0, '2'), Buffer.alloc(1024)]);
      expect(() => untar(link, dir)).toThrow('type 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
