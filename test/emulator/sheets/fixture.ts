// A bound spreadsheet for facade tests: the model, a controllable host, and the SpreadsheetApp the script would see.
import { createSpreadsheetApp, SpreadsheetModel, type SheetsHost } from '../../../emulator/sheets';
import type { SpreadsheetApp } from '../../../emulator/sheets/spreadsheet-app';

export interface Fixture {
  model: SpreadsheetModel;
  app: SpreadsheetApp;
  host: SheetsHost & { toasts: { message: string; title: string; timeoutSeconds: number }[]; user: string; clock: Date };
}

export function fixture(options: { now?: string; user?: string; owner?: string; sheets?: string[] } = {}): Fixture {
  const model = new SpreadsheetModel({ name: '整治台账', owner: options.owner ?? 'office@dz.gov.cn', sheets: options.sheets ?? ['Sheet1'] });
  const host = {
    toasts: [] as { message: string; title: string; timeoutSeconds: number }[],
    user: options.user ?? 'office@dz.gov.cn',
    clock: new Date(options.now ?? '2022-03-20T09:00:00+08:00'),
    now() {
      return new Date(host.clock.getTime());
    },
    activeUserEmail() {
      return host.user;
    },
    getUi() {
      return { ui: true };
    },
    toast(message: string, title: string, timeoutSeconds: number) {
      host.toasts.push({ message, title, timeoutSeconds });
    },
  };
  const app = createSpreadsheetApp(model, host) as SpreadsheetApp;
  return { model, app, host };
}

/** The instant of a Shanghai wall-clock time. */
export function shanghai(isoLocal: string): Date {
  return new Date(`${isoLocal}+08:00`);
}
