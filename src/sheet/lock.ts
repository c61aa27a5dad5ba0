// The document lock around every read-check-write of the ledger: one handle per execution, one session per call.
import { AppError } from '../domain/errors';

const LOCK_WAIT_MS = 5000;

let handle: GoogleAppsScript.Lock.Lock | null = null;

/**
 * `flush`: false for a session that writes only document properties (a send-log claim), where there is no pending
 * sheet write to push out before the next execution reads.
 */
export function withDocumentLock<T>(work: () => T, waitMs: number = LOCK_WAIT_MS, flush = true): T {
  const lock = (handle ??= LockService.getDocumentLock());
  if (!lock || !lock.tryLock(waitMs)) {
    throw new AppError('LOCK_BUSY', '其他人正在保存台账，请稍候几秒再试。');
  }
  try {
    return work();
  } finally {
    // Pending writes must reach the sheet before another execution can take the lock and read it.
    if (flush) SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
