// Emulator: Utilities.formatDate in a named zone, sleep and getUuid.
import { Emulator } from '../../../emulator';
import { formatDate } from '../../../emulator/services/utilities';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('Utilities', () => {
  // 2022-03-25T23:30:00Z is already 2022-03-26 07:30 (a Saturday) in Shanghai.
  const instant = new Date('2022-03-25T23:30:00Z');

  test('Utilities.formatDate formats in Asia/Shanghai whatever the host zone', () => {
    const emu = emuOf(`function f() { return Utilities.formatDate(new Date(), 'Asia/Shanghai', "yyyy-MM-dd HH:mm:ss EEE 'at' Z"); }`);
    emu.setNow(instant);
    expect(emu.run('f')).toBe('2022-03-26 07:30:00 Sat at +0800');
  });

  test('formatDate handles the other zones and pattern letters it knows', () => {
    expect(formatDate(instant, 'America/Los_Angeles', 'yy/M/d h:mm a XXX')).toBe('22/3/25 4:30 PM -07:00');
    expect(formatDate(instant, 'GMT+8', 'yyyy年MM月dd日 HH时')).toBe('2022年03月26日 07时');
    expect(formatDate(instant, 'UTC', "EEEE, MMMM d ''yy X")).toBe("Friday, March 25 '22 Z");
    expect(formatDate(instant, 'Not/AZone', 'HH:mm')).toBe('23:30');
  });

  test('an unknown pattern letter is not implemented', () => {
    const emu = emuOf(`function f() { return Utilities.formatDate(new Date(), 'Asia/Shanghai', 'yyyy zzz'); }`);
    expect(() => emu.run('f')).toThrow('NotImplemented: Utilities.formatDate pattern letter z');
  });

  test('sleep refuses more than five minutes and getUuid gives a uuid', () => {
    const emu = emuOf(`function f() { Utilities.sleep(300000); return Utilities.getUuid(); }
      function g() { Utilities.sleep(300001); }`);
    expect(emu.run('f')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(() => emu.run('g')).toThrow('Sleep time must be at most 300000 milliseconds.');
  });
});
