// The bound spreadsheet and what the user sees of the script: alerts, confirmations, toasts, sidebars, dialogs, the menu.
import type { MenuShape } from '../domain/menu';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const activeSpreadsheet = (): Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
export const spreadsheetUrl = (ss: Spreadsheet): string => ss.getUrl();
export const spreadsheetTimeZone = (ss: Spreadsheet): string => ss.getSpreadsheetTimeZone();
/** A link that opens the spreadsheet on one tab; `url` is spreadsheetUrl(ss), read once per execution. */
export const tabUrl = (url: string, sheet: GoogleAppsScript.Spreadsheet.Sheet): string => `${url}#gid=${sheet.getSheetId()}`;

/** Groups are separated by a line; the submenus come after them, so the menu is exactly the table's order. */
export function installMenu(shape: MenuShape): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(shape.title);
  shape.groups.forEach((group, i) => {
    if (i > 0) menu.addSeparator();
    for (const item of group) menu.addItem(item.caption, item.fn);
  });
  if (shape.submenus.length > 0 && shape.groups.length > 0) menu.addSeparator();
  for (const sub of shape.submenus) {
    const m = ui.createMenu(sub.title);
    for (const item of sub.items) m.addItem(item.caption, item.fn);
    menu.addSubMenu(m);
  }
  menu.addToUi();
}

/** One getUi per use case, as Apps Script prices it; every window the use case opens goes through it. */
interface Screen {
  alert(title: string, message: string): void;
  /** YES/NO: true only for 是 (closing the box is a no). */
  confirm(title: string, message: string): boolean;
  /** An HTML file of the build with `appended` (an inert data block) after it, as the sidebar. */
  sidebar(file: string, title: string, appended: string): void;
  /** OK/CANCEL with a text box: the text typed, or null when cancelled or closed. */
  prompt(title: string, message: string): string | null;
  dialogFromFile(file: string, title: string, appended: string, width: number, height: number): void;
  /** `html` is our own markup with every user value already escaped. */
  dialogFromHtml(html: string, title: string, width: number, height: number): void;
}

export function screen(): Screen {
  const ui = SpreadsheetApp.getUi();
  return {
    alert: (title, message) => {
      ui.alert(title, message, ui.ButtonSet.OK);
    },
    confirm: (title, message) => ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES,
    prompt: (title, message) => {
      const r = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
      return r.getSelectedButton() === ui.Button.OK ? r.getResponseText() : null;
    },
    sidebar: (file, title, appended) => ui.showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title).append(appended)),
    dialogFromFile: (file, title, appended, width, height) =>
      ui.showModalDialog(HtmlService.createHtmlOutputFromFile(file).append(appended).setWidth(width).setHeight(height), title),
    dialogFromHtml: (html, title, width, height) => ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title),
  };
}

/** A toast in the corner; `seconds` −1 keeps it until the next one. */
export function toast(ss: Spreadsheet, message: string, title: string, seconds: number): void {
  ss.toast(message, title, seconds);
}
