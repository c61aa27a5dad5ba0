// The 新增企业 / 编辑选中企业 menu items: open the Sidebar page with its context (districts, rules, the selected row).
import { jsonBlock } from '../domain/page-data';
import { activeTab, selectedRow, tabName } from '../sheet/cells';
import { captionOf } from '../domain/menu';
import type { MenuFn } from '../domain/menu';
import { dayOf } from '../domain/calendar-day';
import { activeUserEmail } from '../sheet/session';
import { FIRST_DATA_ROW } from '../domain/contract';
import { AppError } from '../domain/errors';
import { accountKnown, editableDistricts } from '../domain/permissions';
import type { Settings } from '../domain/settings';
import { FORM_CONTEXT_ID, type FormContext, type FormMode } from '../domain/sidebar-form';
import { openedEnterprise } from './enterprise-service';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import { ownerEmail, readLedgerRow, readSettings } from '../sheet/ledger';
import type { Ledger, LedgerRow } from '../sheet/ledger';
import { isOffice } from '../domain/permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SIDEBAR_FILE = 'Sidebar';

/** The context as an inert JSON block the page parses (page-data.jsonBlock): text from the sheet stays data. */
const contextBlock = (context: FormContext): string => jsonBlock(FORM_CONTEXT_ID, context);

function baseContext(ss: Spreadsheet, settings: Settings, mode: FormMode): FormContext {
  const districts = settings.districts.map((d) => d.district);
  const account = activeUserEmail();
  const owner = ownerEmail(ss);
  const editable = accountKnown(account) ? editableDistricts(settings, account, owner) : null;
  const active = tabName(activeTab(ss));
  const choices = editable && editable.length > 0 ? editable : districts;
  const district = choices.includes(active) ? active : (choices[0] ?? '');
  const office = isOffice(settings, account, owner);
  return { mode, districts, editable, district, acceptBy: settings.acceptBy, today: dayOf(new Date()), enterprise: null, office };
}

function show(context: FormContext, fn: MenuFn): void {
  screen().sidebar(SIDEBAR_FILE, captionOf(fn), contextBlock(context));
}

export function menuAddEnterprise(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    show(baseContext(ss, readSettings(ss).settings, 'add'), 'menuAddEnterprise');
  });
}

/** The enterprise on the selected row of a district tab (its head and that row read, not the tab); `fn` names the menu item in the message. */
export function selectedEnterprise(ss: Spreadsheet, settings: Settings, fn: MenuFn): { ledger: Ledger; row: LedgerRow } {
  const name = tabName(activeTab(ss));
  const districts = settings.districts.map((d) => d.district);
  const again = `，再点“${captionOf(fn)}”。`;
  if (!districts.includes(name)) throw new AppError('NOT_DISTRICT_TAB', `请先切换到辖区工作表（${districts.join('、')}），选中企业所在行${again}`);
  const found = readLedgerRow(ss, name, selectedRow(ss));
  if (!found || found.row.record.payload.creditCode === '') {
    throw new AppError('NO_SELECTION', `请先在“${name}”中选中企业所在行（第${FIRST_DATA_ROW}行及以下、已填统一社会信用代码）${again}`);
  }
  return found;
}

/** The edit form's context; the server finds the enterprise again by credit code on save. */
function editContext(ss: Spreadsheet, settings: Settings): FormContext {
  const { ledger, row } = selectedEnterprise(ss, settings, 'menuEditEnterprise');
  return { ...baseContext(ss, settings, 'edit'), district: ledger.district, enterprise: openedEnterprise(row) };
}

export function menuEditEnterprise(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    show(editContext(ss, readSettings(ss).settings), 'menuEditEnterprise');
  });
}
