// The floor of service calls per benchmarked operation: what a correct implementation cannot avoid, counted by hand.
//
// Units (each a service call the emulator counts): ss = getActiveSpreadsheet (1); a tab read = getSheetByName +
// getDataRange + getValues (3); a write to a tab already held = getRange + setValues (2); a log append = getSheetByName +
// appendRow (2); a lock = getDocumentLock + tryLock (2, released by the platform at the end); the user = getActiveUser +
// getEmail (2); properties = the handle + one getProperties/setProperty (2); an alert or toast = getUi/toast + alert (2).
// An edit trigger's range = getSheet + getName + getRow + getColumn + getNumRows + getNumColumns (6).
export interface Floor {
  /** Without emails: the bench adds PER_MAIL for each email the step sent (the daily job's digest comes and goes with the data). */
  readonly calls: number;
  readonly why: string;
}

const districts = 3;
const summaryWrite = 1 + 6 + 3 + 1; // getSheetByName; clear, getRange, setValues, setNumberFormats, setBackgrounds, setFontWeights; our chart found (getCharts, getOptions, get) and left alone; the recompute stamp
const recompute = 3 * districts + 3 + 3 + 2 + summaryWrite; // tabs, 配置, 报送记录, the document properties (approved records)
/**
 * 操作日志 appended with the run's lines (getSheetByName, getLastRow, getRange, setNumberFormat, setValues: the cells are
 * made plain text in the same write, since rows past what setup formatted, or a format a person changed, would turn a
 * logged time into a date) and 档案索引 extended (its read 3, the new lines' codes 2, its write 2).
 */
const logAndIndex = 5 + 7;
/** Per email (a reminder, a 催办 or the digest): claimed under the lock (tryLock, getProperty, setProperties, releaseLock) and sent. */
export const PER_MAIL = 5;
const daily = (what: string): Floor => ({
  calls: 1 + 2 + recompute + 1 + districts + 3 + 1 + 1 + 3 + logAndIndex,
  why: `ss 1 + the job's account 2 + recompute ${recompute} (3 district tabs, 配置, 报送记录 and the document properties read once, shared by `
    + `reminders and digest; 汇总 written once; chart unchanged) + getUrl 1 and ${districts} tab links + 延期申请 read 3 + getRemainingDailyQuota 1 + `
    + `lock handle 1 + last lock session 3 (tryLock, setProperties, releaseLock) + 操作日志 in one append and 档案索引 ${logAndIndex} + `
    + `${PER_MAIL} per email sent (claim under the lock, sendEmail)${what}`,
});
/** The sidebar's start: ss, 配置 (who may write), the user, the owner (the bench's caller is not listed in 配置, and the owner is the office), the lock. */
const sidebarStart = 1 + 3 + 2 + 2 + 2;
/** Column E of each tab, for uniqueness across districts (contract §2): the tab (a missing one is skipped), its last row (only filled rows read), the column. */
const codeColumns = 4 * districts;
/** The row read right before writing (issue 12: the credit code, or blank for an append, confirmed in the read the write is decided on): range, its formats (text written as each cell stores it), values. */
const rowRead = 3;
/** 操作日志 appended in one write: the tab, its last row, the range, its plain-text format, the values (the grid size only when the block does not fit). */
const logAppend = 5;
/** The simple onEdit once the edit trigger is installed: the flag read (handle, getProperty), and it steps aside. */
const simpleAside = 2;
/** The installable edit trigger on an edit of rows (not of column E: no other tab is read). */
const editTrigger = 6 + 1 + 3 + 2 + 4 + 2 + 2 + 2 + 2 + 1 + 2 + logAppend;
const editWhy = `the simple onEdit ${simpleAside} (the flag that the edit trigger is installed: handle, getProperty; it leaves the notes to the `
  + 'installable trigger) + event range 6 + the editor 1 (the event\'s user) + 配置 3 + the head rows 2 (column check, 填表时间) + '
  + 'lock 4 (handle, tryLock, flush, release) + the document properties 2 (handle, one getProperties: pending edits, approved records, '
  + '汇总 stamps) + the rows read 2 + the owner 2 (the bench\'s editor is the owner, not listed in 配置) + the rows confirmed right before '
  + 'writing 2 (issue 12) + their notes read through that range 1 (written only when they change) + stamps 2 + '
  + `操作日志 ${logAppend}; 汇总 already marked stale (no call); column E not edited, so no other tab's code column is read`;
/** An office's change of a closed row goes to 销号存档 (contract §10): tab, last row, its header row 3 (width, range, values; not the whole archive), grid size, range, values. */
const archiveAppend = 8;

export const FLOORS: Readonly<Record<string, Floor>> = {
  刷新汇总: { calls: 1 + recompute + 1, why: `ss 1 + recompute ${recompute} + toast 1` },
  'daily job, 0 districts mailed': daily(''),
  'daily job, 1 district mailed': daily(''),
  'daily job, 3 districts mailed': daily(''),
  'daily job rerun same day': daily('; nothing is sent twice'),
  submit: {
    calls: sidebarStart + codeColumns + 2 + 2 + 1 + rowRead + 1 + 1 + 3 + logAppend + 2 + 1 + 4,
    why: `ss 1 + 配置 3 + user 2 + owner 2 + lock 2 + column E of each tab ${codeColumns} (4 each: tab, last row so only filled rows are read, range, values; `
      + 'codes are unique across districts) + the tab\'s head 2 (column check, 填表时间) + 序号 column 2 + grid size 1 (an append may need rows) + '
      + `the row read right before writing ${rowRead} (range, formats, values: still blank, issue 12) + row write 1 + select it 1 + `
      + `approved records 3 (handle, read, write: the first 整改完成时限 is approved, contract §10) + 操作日志 ${logAppend} (tab, last row, range, plain-text format, values) + `
      + 'flush and release 2 (before the 汇总 step, so other saves do not wait) + 汇总 throttle stamps 1 + 汇总 marked stale 4 (the first change since it was '
      + 'recomputed: property and the 数据截至 line). A tab whose grid is full grows by 100 rows first (+3 calls, once per 100 appends)',
  },
  update: {
    calls: sidebarStart + 2 + codeColumns + 2 + rowRead + 1 + 1 + logAppend + 2 + 1,
    why: `ss 1 + 配置 3 + user 2 + owner 2 + lock 2 + approved records read 2 (handle, getProperties: a clerk may not move the approved 整改完成时限, `
      + `contract §10) + column E of each tab ${codeColumns} + the tab\'s head 2 + the row read right before writing ${rowRead} (the one read of it: the `
      + 'decision is made on it, issue 12) + row write 1 + select it 1 + 操作日志 ' + `${logAppend} + flush and release 2 + 汇总 throttle stamps 1 (already marked `
      + 'stale); the approved record is unchanged (only 进展情况 changed), so not written',
  },
  getEnterprise: {
    calls: 1 + 3 + codeColumns + 2 + 2,
    why: `ss 1 + 配置 3 (which tabs are districts) + column E of each tab ${codeColumns} + the tab\'s head 2 (column check) + the row 2`,
  },
  'single edit': { calls: simpleAside + editTrigger, why: editWhy },
  '3×2 paste': {
    calls: simpleAside + editTrigger + archiveAppend,
    why: `as a single edit (the three rows read, confirmed and noted in one call each; 进展 and 环评 change no approved record) + `
      + `销号存档 ${archiveAppend} (one of the rows is 已验收销号, and what the office writes on a closed row is what a clerk's change would be put back to)`,
  },
  校验本表: {
    calls: 1 + 2 + 2 + 3 + 4 * (districts - 1) + 3 + 2,
    why: 'ss 1 + active sheet and name 2 + tab read 2 + 配置 3 + the other tabs\' credit-code column 4 each (unique across districts, '
      + 'contract §2; this tab\'s from its read) + notes read, compared and written 3 + alert 2',
  },
  报送: {
    calls: 1 + 3 + 2 + 2 + 2 + 3 + 4 * (districts - 1) + 3 + 6,
    why: 'the menu opens the dialog: ss 1 + 配置 3 + active sheet 2 + user 2 + owner 2 (the office may report for a district) + tab read 3 + '
      + 'the other tabs\' credit-code column 4 each + 报送记录 3 (first or update) + the dialog 6 (getUi, the file, its context, size, show)',
  },
  '报送 submit': {
    calls: 1 + 3 + 2 + 2 + 2 + 3 + 4 * (districts - 1) + 3 + 6 + logAppend + 2 + 3 * (districts - 1) + 2 + summaryWrite,
    why: 'submitQuarterReport: ss 1 + 配置 3 + user 2 + owner 2 + lock 2 + under it the tab 3, the other tabs\' code column 8 and 报送记录 3, '
      + `the report appended under its header 6 and 操作日志 ${logAppend}, flush and release 2; then 汇总 from what was read plus the other tabs 6 and `
      + `the document properties 2, written ${summaryWrite}`,
  },
};
