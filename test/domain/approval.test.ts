// The approved record of each enterprise: its compact store within the property limits, and what a clerk may keep.
import { APPROVED_BUCKETS, APPROVED_PREFIX, approvedWrites, decodeRecord, encodeRecord, isExtended, judgeClerkChange, readApproved, recordOf } from '../../src/domain/approval';
import type { Approved } from '../../src/domain/approval';
import { withCheckChar } from '../../src/domain/credit-code';

const code = (i: number): string => withCheckChar(`91511700MA${String(i).padStart(7, '0')}`);
const open: Approved = { deadline: '2023-06-30', original: '2023-06-30', status: '整改中', since: '' };
const cells = (over: Partial<{ deadline: string; status: string; closedOn: string }> = {}) => ({
  creditCode: code(1),
  deadline: '2023-06-30',
  status: '整改中',
  closedOn: '',
  ...over,
});

describe('the approved record store', () => {
  it('round-trips every field, an extension and a closed enterprise', () => {
    const records: Approved[] = [
      open,
      { deadline: '2023-09-30', original: '2023-06-30', status: '整改中', since: '' },
      { deadline: '2023-06-30', original: '2023-06-30', status: '已验收销号', since: '2023-05-20' },
      { deadline: '', original: '', status: '', since: '' },
    ];
    for (const r of records) expect(decodeRecord(encodeRecord(code(7), r))).toEqual([code(7), r]);
    expect(decodeRecord('garbage')).toBeNull();
  });

  it('keeps 10,000 enterprises, all extended and waiting, far inside 9 KB a value and 500 KB a store', () => {
    const all = new Map<string, Approved>();
    for (let i = 0; i < 10000; i += 1) all.set(code(i), { deadline: '2023-09-30', original: '2023-06-30', status: '已完成（待验收）', since: '2023-05-01' });
    const writes = approvedWrites(all, all.keys());
    expect(Object.keys(writes)).toHaveLength(APPROVED_BUCKETS);
    const sizes = Object.entries(writes).map(([k, v]) => Buffer.byteLength(k) + Buffer.byteLength(v));
    expect(Math.max(...Object.values(writes).map((v) => Buffer.byteLength(v)))).toBeLessThan(6 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(350 * 1024);
    expect(readApproved(writes)).toEqual(all);
  });

  it('rewrites only the buckets of the changed codes, and ignores other properties', () => {
    const all = new Map<string, Approved>([[code(1), open], [code(2), open]]);
    const writes = approvedWrites(all, [code(1)]);
    expect(Object.keys(writes)).toHaveLength(1);
    expect(Object.keys(writes)[0]!.startsWith(APPROVED_PREFIX)).toBe(true);
    expect(readApproved({ ...writes, 'summary.refreshedAt': '1' }).get(code(1))).toEqual(open);
  });

  it('counts 已延期 only when the approved deadline is later than the first one', () => {
    expect(isExtended({ ...open, deadline: '2023-09-30' })).toBe(true);
    expect(isExtended(open)).toBe(false);
    expect(isExtended(undefined)).toBe(false);
  });

  it('dates 已完成（待验收） from the day it was reached and keeps that day while it stays', () => {
    const waiting = recordOf(cells({ status: '已完成（待验收）' }), open, '2023-05-01');
    expect(waiting.since).toBe('2023-05-01');
    expect(recordOf(cells({ status: '已完成（待验收）' }), waiting, '2023-05-09').since).toBe('2023-05-01');
    expect(recordOf(cells({ status: '已验收销号', closedOn: '2023-05-20' }), waiting, '2023-05-21')).toMatchObject({ status: '已验收销号', since: '2023-05-20' });
  });
});

describe('a clerk’s change against the record (contract §10)', () => {
  const today = '2023-05-10';

  it('keeps status changes short of 已验收销号 and records them', () => {
    const v = judgeClerkChange(open, cells({ status: '已完成（待验收）' }), today);
    expect(v.undo).toEqual([]);
    expect(v.next).toMatchObject({ status: '已完成（待验收）', since: today, deadline: '2023-06-30' });
  });

  it('undoes a later 整改完成时限 back to the approved one, saying how to ask for an extension', () => {
    const v = judgeClerkChange(open, cells({ deadline: '2023-12-31' }), today);
    expect(v.undo).toEqual([{ key: 'deadline', restore: '2023-06-30', message: expect.stringContaining('申请延期') }]);
    expect(v.next.deadline).toBe('2023-06-30');
  });

  it('undoes 已验收销号 to the last status and a typed 销号日期 to empty, naming 验收销号', () => {
    const v = judgeClerkChange(open, cells({ status: '已验收销号', closedOn: '2023-05-01' }), today);
    expect(v.undo.map((u) => [u.key, u.restore])).toEqual([['status', '整改中'], ['closedOn', '']]);
    expect(v.undo[0]!.message).toContain('验收销号');
    expect(v.next).toMatchObject({ status: '整改中', since: '' });
  });

  it('lets a new enterprise bring its first 整改完成时限 but never 已验收销号', () => {
    const v = judgeClerkChange(null, cells({ status: '已验收销号', closedOn: '2023-05-01' }), today);
    expect(v.undo.map((u) => [u.key, u.restore])).toEqual([['status', '未启动'], ['closedOn', '']]);
    expect(v.next).toEqual({ deadline: '2023-06-30', original: '2023-06-30', status: '未启动', since: '' });
  });

  it('treats any change to an enterprise already 已验收销号 as a change to a closed row', () => {
    const closed: Approved = { ...open, status: '已验收销号', since: '2023-05-01' };
    const v = judgeClerkChange(closed, cells({ status: '整改中' }), today);
    expect(v.closedRow).toBe(true);
    expect(v.next).toBe(closed);
  });
});
