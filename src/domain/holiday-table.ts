// The State Council's public holidays and make-up workdays (放假调休) 2021–2026, as published data.

// Source, 2021–2025: the public `holiday-cn` project (github.com/NateScarlet/holiday-cn, file holiday-cn.ics,
// which it builds from the 国务院办公厅关于…部分节假日安排的通知 of each year), transcribed event by event
// (an event's DTEND is exclusive there, inclusive here).
// Source, 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号), as shipped in the npm
// package `chinese-days` 1.5.7 (dist/chinese-days.json), because holiday-cn's stored 2026 file held no days yet.
// test/domain/holiday-table.test.ts checks every day of 2021–2026 against that second source.
// When the State Council publishes the next year, add its entries here and raise HOLIDAY_TABLE_LAST_YEAR.
import type { Day } from './calendar-day';

interface HolidayEntry {
  /** The festival, as the notice names it. */
  readonly name: string;
  /** First and last day off, inclusive. */
  readonly off: readonly [Day, Day];
  /** Weekend days worked instead (上班). */
  readonly work: readonly Day[];
}

export const HOLIDAY_TABLE_FIRST_YEAR = 2021;
export const HOLIDAY_TABLE_LAST_YEAR = 2026;

export const HOLIDAY_TABLE: readonly HolidayEntry[] = [
  { name: '元旦', off: ['2021-01-01', '2021-01-03'], work: [] },
  { name: '春节', off: ['2021-02-11', '2021-02-17'], work: ['2021-02-07', '2021-02-20'] },
  { name: '清明节', off: ['2021-04-03', '2021-04-05'], work: [] },
  { name: '劳动节', off: ['2021-05-01', '2021-05-05'], work: ['2021-04-25', '2021-05-08'] },
  { name: '端午节', off: ['2021-06-12', '2021-06-14'], work: [] },
  { name: '中秋节', off: ['2021-09-19', '2021-09-21'], work: ['2021-09-18'] },
  { name: '国庆节', off: ['2021-10-01', '2021-10-07'], work: ['2021-09-26', '2021-10-09'] },

  { name: '元旦', off: ['2022-01-01', '2022-01-03'], work: [] },
  { name: '春节', off: ['2022-01-31', '2022-02-06'], work: ['2022-01-29', '2022-01-30'] },
  { name: '清明节', off: ['2022-04-03', '2022-04-05'], work: ['2022-04-02'] },
  { name: '劳动节', off: ['2022-04-30', '2022-05-04'], work: ['2022-04-24', '2022-05-07'] },
  { name: '端午节', off: ['2022-06-03', '2022-06-05'], work: [] },
  { name: '中秋节', off: ['2022-09-10', '2022-09-12'], work: [] },
  { name: '国庆节', off: ['2022-10-01', '2022-10-07'], work: ['2022-10-08', '2022-10-09'] },

  { name: '元旦', off: ['2022-12-31', '2023-01-02'], work: [] },
  { name: '春节', off: ['2023-01-21', '2023-01-27'], work: ['2023-01-28', '2023-01-29'] },
  { name: '清明节', off: ['2023-04-05', '2023-04-05'], work: [] },
  { name: '劳动节', off: ['2023-04-29', '2023-05-03'], work: ['2023-04-23', '2023-05-06'] },
  { name: '端午节', off: ['2023-06-22', '2023-06-24'], work: ['2023-06-25'] },
  { name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], work: ['2023-10-07', '2023-10-08'] },

  { name: '元旦', off: ['2024-01-01', '2024-01-01'], work: [] },
  { name: '春节', off: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] },
  { name: '劳动节', off: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', off: ['2024-06-10', '2024-06-10'], work: [] },
  { name: '中秋节', off: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'] },
  { name: '国庆节', off: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'] },

  { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
  { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
  { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
  { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
  { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },

  { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
];
