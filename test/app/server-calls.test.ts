// Every server function the pages call (src/entry.ts), sent a payload of the wrong shape by office or clerk: a refusal, nothing written, nothing mailed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT, OWNER, world } from '../support/reminder-world';
import { modelOf } from '../support/ledger-world';

/** The names src/entry.ts re-exports for google.script.run; triggers are not page calls. */
const TRIGGERS = new Set(['onOpen', 'onEdit', 'onEditInstalled', 'dailyJob']);
const SERVER_CALLS = [...readFileSync(join(__dirname, '..', '..', 'src', 'entry.ts'), 'utf8').matchAll(/^export \{ ([^}]+) \} from/gm)]
  .flatMap((m) => m[1]!.split(',').map((s) => s.trim()))
  .filter((name) => !TRIGGERS.has(name));

/** Not `{ … }`: what a caller that forgot the braces would send. `null` and `{}` mean "the default" for some calls, so they are not here. */
const WRONG_SHAPES: unknown[] = ['通川区', ['通川区'], 3, true, [{}]];

/** A refusal a page can show: `{ ok: false, errors }` with Chinese text, `null` (nothing found), or a thrown Chinese message. */
function refusalText(answer: { ok: boolean; value?: unknown; error?: string }): string {
  if (!answer.ok) return answer.error ?? '';
  if (answer.value === null) return 'null';
  const value = answer.value as { ok?: unknown; errors?: Record<string, string> };
  return value.ok === false ? Object.values(value.errors ?? {}).join('') : '';
}

describe('page-facing server calls refuse a payload of the wrong shape', () => {
  test('the list is read from src/entry.ts and holds the calls of contract §5, §7, §10–§13', () => {
    expect(SERVER_CALLS).toEqual(expect.arrayContaining(['submitQuarterReport', 'submitEnterprise', 'updateEnterprise', 'getEnterprise', 'sendUrgeNow', 'generateQuarterBulletin', 'requestExtension', 'decideExtension', 'recordAcceptance', 'importLedger']));
  });

  test.each([
    ['the office', OWNER],
    ['a district clerk', CONTACT['通川区']!.clerk],
  ])('as %s: every call and every shape is refused, the workbook unchanged and no email sent', (_who, user) => {
    const emu = world('2022-03-20T08:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    emu.setUser(user);
    emu.model.setActive('通川区', 'C5');
    const before = JSON.stringify(modelOf(emu).toJSON());
    const mails = emu.outbox.length;
    const accepted: string[] = [];
    for (const fn of SERVER_CALLS) {
      for (const input of WRONG_SHAPES) {
        const text = refusalText(emu.scriptRun(fn, input));
        if (text === '' || (text !== 'null' && !/[\u4e00-\u9fff]/.test(text))) accepted.push(`${fn}(${JSON.stringify(input)})`);
      }
    }
    expect(accepted).toEqual([]);
    expect(JSON.stringify(modelOf(emu).toJSON())).toBe(before);
    expect(emu.outbox.length).toBe(mails);
  });
});
