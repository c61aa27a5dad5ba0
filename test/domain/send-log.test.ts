// The reminder send log: keys, states, what a run may do, pruning, and quota allocation in urgency order.

import type { SendLogEntry } from '../../src/domain/send-log';
import {
  MAX_ATTEMPTS_PER_DAY,
  fitQuota,
  keyDay,
  parseSendLog,
  prunableKeys,
  sendDecision,
  sendLogKey,
  serialiseSendLog,
} from '../../src/domain/send-log';

const entry = (state: SendLogEntry['state'], attempts = 0): SendLogEntry => ({ state, at: '2022-03-26T01:00:00.000Z', attempts });

describe('send log', () => {
  test('keys an entry by Shanghai day and district, and reads the day back', () => {
    const key = sendLogKey('2022-03-26', '通川区');
    expect(keyDay(key)).toBe('2022-03-26');
    expect(key).not.toBe(sendLogKey('2022-03-27', '通川区'));
    expect(keyDay('other.key')).toBeNull();
  });

  test('round-trips an entry through its stored text', () => {
    const e: SendLogEntry = { state: 'failed', at: 'x', attempts: 2, error: '无效地址' };
    expect(parseSendLog(serialiseSendLog(e))).toEqual(e);
    expect(parseSendLog(null)).toBeNull();
  });

  test('treats an unreadable stored value as in flight so it never causes a second email', () => {
    expect(parseSendLog('{oops')?.state).toBe('sending');
    expect(sendDecision(parseSendLog('{"state":"weird"}'))).toBe('inFlight');
  });

  test('sends when nothing is logged, when queued, and after a failure', () => {
    expect(sendDecision(null)).toBe('send');
    expect(sendDecision(entry('queued'))).toBe('send');
    expect(sendDecision(entry('failed', 1))).toBe('send');
  });

  test('never sends twice: sent and sending are skipped', () => {
    expect(sendDecision(entry('sent'))).toBe('alreadySent');
    expect(sendDecision(entry('sending'))).toBe('inFlight');
  });

  test('gives up for the day after too many failures', () => {
    expect(sendDecision(entry('failed', MAX_ATTEMPTS_PER_DAY - 1))).toBe('send');
    expect(sendDecision(entry('failed', MAX_ATTEMPTS_PER_DAY))).toBe('gaveUp');
  });

  test('prunes entries older than a week and leaves other properties alone', () => {
    const keys = [sendLogKey('2022-03-18', '通川区'), sendLogKey('2022-03-19', '通川区'), sendLogKey('2022-03-26', '达川区'), 'eco.trigger.daily.x'];
    expect(prunableKeys(keys, '2022-03-26')).toEqual([sendLogKey('2022-03-18', '通川区')]);
  });
});

describe('quota allocation', () => {
  test('sends what fits in urgency order', () => {
    expect(fitQuota([2, 2, 2], 4)).toEqual({ fits: [true, true, false], left: 0 });
  });

  test('keeps less urgent emails waiting once a more urgent one does not fit', () => {
    expect(fitQuota([3, 1, 1], 2)).toEqual({ fits: [false, false, false], left: 2 });
  });

  test('sends nothing with no quota left', () => {
    expect(fitQuota([1], 0).fits).toEqual([false]);
  });
});
