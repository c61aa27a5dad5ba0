// 销号存档 as data (src/domain/closed-archive.ts): a closed row kept as the office left it, and each cell given back as it was written.
import { ARCHIVE_HEADERS, archiveText, archivedCell, readArchive } from '../../src/domain/closed-archive';
import { TEMPLATE_COLUMNS, templateFormats } from '../../src/domain/ledger-row';
import type { RawRecord } from '../../src/domain/ledger-row';
import { readRecordTab } from '../../src/domain/record-tab';
import type { RecordTab } from '../../src/domain/record-tab';
import { enterprise } from '../support/enterprise';

type ArchiveTab = RecordTab<(typeof ARCHIVE_HEADERS)[number]>;
const CODE = '91350100M000100Y43';
const record = (over: Partial<RawRecord> = {}): RawRecord => ({
  payload: { ...enterprise({ status: '已验收销号', closedOn: '2022-05-10', eiaApproval: '0012', progress: '=HYPERLINK("x")' }), employees: 35 },
  serial: 7,
  updatedAt: new Date('2022-05-10T02:00:00Z'),
  updatedBy: 'office@dz.gov.cn',
  ...over,
});
const tabOf = (rows: string[][]): ArchiveTab => readRecordTab([[...ARCHIVE_HEADERS], ...rows], ARCHIVE_HEADERS) as ArchiveTab;
const col = (key: keyof typeof TEMPLATE_COLUMNS): number => TEMPLATE_COLUMNS[key];
const FORMATS = templateFormats(TEMPLATE_COLUMNS);

describe('archiveText and readArchive', () => {
  test('a closed row round-trips: its payload and 序号, not the stamps', () => {
    const kept = readArchive(tabOf([[CODE, '2022-05-10 10:00:00', archiveText(record())]])).get(CODE)!;
    expect(kept).toEqual({ ...record().payload, serial: 7 });
    expect(kept).not.toHaveProperty('updatedAt');
    expect(archiveText(record({ serial: null }))).not.toContain('"serial"');
  });

  test("the latest line of a credit code wins; a damaged line is skipped, not fatal", () => {
    const later = record({ payload: { ...record().payload, progress: '已复核' } });
    const map = readArchive(
      tabOf([
        [CODE, '2022-05-10 10:00:00', archiveText(record())],
        ['91510000000000000X', '2022-05-10 10:00:00', '{not json'],
        [CODE, '2022-05-11 10:00:00', archiveText(later)],
      ]),
    );
    expect(map.get(CODE)?.progress).toBe('已复核');
    expect(map.has('91510000000000000X')).toBe(false);
  });
});

describe('archivedCell', () => {
  const kept = { ...record().payload, serial: 7 };

  test('a date column comes back as the Shanghai midnight of its day (a real date cell), blank as blank', () => {
    expect(archivedCell(kept, col('deadline'), TEMPLATE_COLUMNS, FORMATS)).toEqual(new Date('2022-06-29T16:00:00Z'));
    expect(archivedCell({ ...kept, closedOn: '' }, col('closedOn'), TEMPLATE_COLUMNS, FORMATS)).toBe('');
  });

  test('numbers stay numbers; text in a plain-text column is written as it is, never as a formula elsewhere', () => {
    expect(archivedCell(kept, col('serial'), TEMPLATE_COLUMNS, FORMATS)).toBe(7);
    expect(archivedCell(kept, col('employees'), TEMPLATE_COLUMNS, FORMATS)).toBe(35);
    expect(archivedCell(kept, col('eiaApproval'), TEMPLATE_COLUMNS, FORMATS)).toBe('0012');
    // the same texts in a cell whose plain-text format was lost: a leading apostrophe keeps them text
    const lost = FORMATS.map(() => null);
    expect(archivedCell(kept, col('eiaApproval'), TEMPLATE_COLUMNS, lost)).toBe("'0012");
    expect(archivedCell(kept, col('progress'), TEMPLATE_COLUMNS, lost)).toBe('\'=HYPERLINK("x")');
  });

  test('the stamp columns and what the archive lacks are not restored from it', () => {
    expect(archivedCell(kept, col('updatedAt'), TEMPLATE_COLUMNS, FORMATS)).toBeUndefined();
    expect(archivedCell(kept, col('updatedBy'), TEMPLATE_COLUMNS, FORMATS)).toBeUndefined();
    expect(archivedCell({ name: '甲' }, col('address'), TEMPLATE_COLUMNS, FORMATS)).toBeUndefined();
    expect(archivedCell(kept, 99, TEMPLATE_COLUMNS, FORMATS)).toBeUndefined();
  });
});
