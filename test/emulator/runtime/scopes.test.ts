// Emulator: the method → OAuth scope table (reference pages' Authorization sections) and its enforcement against the manifest.
import { Emulator, METHOD_SCOPES, SCOPES, requiredScopes } from '../../../emulator';
import { Range } from '../../../emulator/sheets/range';
import { Sheet } from '../../../emulator/sheets/sheet';
import { Spreadsheet } from '../../../emulator/sheets/spreadsheet';
import { Protection } from '../../../emulator/sheets/protection';
import { DataValidation, DataValidationBuilder } from '../../../emulator/sheets/data-validation';
import { ConditionalFormatRuleBuilder } from '../../../emulator/sheets/conditional-format';
import { EmbeddedChart, EmbeddedChartBuilder } from '../../../emulator/sheets/charts';
import { SpreadsheetApp } from '../../../emulator/sheets/spreadsheet-app';
import { Session } from '../../../emulator/services/session';
import { HtmlOutput, HtmlService } from '../../../emulator/services/html';
import { MailApp } from '../../../emulator/services/mail';
import { ScriptApp } from '../../../emulator/services/script-app';

const emuOf = (code: string, oauthScopes: string[] | undefined) =>
  Emulator.fromSource({
    files: { 'Code.js': code }, manifest: { timeZone: 'Asia/Shanghai', ...(oauthScopes ? { oauthScopes } : {}) },
    now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn',
  });

describe('the OAuth scope table', () => {
  test('every public method of the modelled classes has a row', () => {
    const classes: Record<string, { prototype: object }> = {
      Range, Sheet, Spreadsheet, Protection, DataValidation, DataValidationBuilder, ConditionalFormatRuleBuilder,
      EmbeddedChart, EmbeddedChartBuilder, SpreadsheetApp, Session, HtmlOutput, HtmlService, MailApp, ScriptApp,
    };
    const missing = Object.entries(classes).flatMap(([name, c]) => Object.getOwnPropertyNames(c.prototype)
      .filter((m) => m !== 'constructor' && !m.startsWith('_')
        && typeof Object.getOwnPropertyDescriptor(c.prototype, m)?.value === 'function')
      .map((m) => `${name}.${m}`)
      .filter((k) => !(k in METHOD_SCOPES)));
    expect(missing).toEqual([]);
  });

  test('rows carry the scopes of their reference pages', () => {
    expect(METHOD_SCOPES['Session.getActiveUser']).toEqual([SCOPES.userEmail]);
    expect(METHOD_SCOPES['Session.getEffectiveUser']).toEqual([SCOPES.userEmail]);
    expect(METHOD_SCOPES['Range.getValues']).toEqual([SCOPES.currentSheet, SCOPES.allSheets]);
    expect(METHOD_SCOPES['Ui.showSidebar']).toEqual([SCOPES.containerUi]);
    expect(METHOD_SCOPES['MailApp.sendEmail']).toEqual([SCOPES.sendMail]);
    expect(METHOD_SCOPES['ScriptApp.newTrigger']).toEqual([SCOPES.scriptApp]);
    expect(METHOD_SCOPES['Ui.alert']).toEqual([]);
    expect(METHOD_SCOPES['SpreadsheetApp.openById']).toEqual([SCOPES.allSheets]);
  });

  test('requiredScopes picks the narrowest manifest covering the methods', () => {
    expect(requiredScopes(['Range.getValues', 'Sheet.getRange', 'Ui.alert'])).toEqual([SCOPES.currentSheet]);
    expect(requiredScopes(['Range.getValues', 'SpreadsheetApp.openById'])).toEqual([SCOPES.allSheets]);
    expect(requiredScopes(['Session.getActiveUser', 'MailApp.sendEmail', 'Ui.showSidebar', 'ScriptApp.newTrigger']).sort())
      .toEqual([SCOPES.containerUi, SCOPES.sendMail, SCOPES.scriptApp, SCOPES.userEmail].sort());
    expect(() => requiredScopes(['Range.frobnicate'])).toThrow('no OAuth scope recorded for Range.frobnicate');
  });
});

describe('enforcement against the manifest', () => {
  const who = 'function who() { return Session.getActiveUser().getEmail(); }';

  test('Session.getActiveUser without userinfo.email throws the permission error', () => {
    const emu = emuOf(who, [SCOPES.currentSheet]);
    expect(() => emu.run('who')).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  test('Session.getEffectiveUser without userinfo.email throws too, even in a simple trigger', () => {
    const emu = emuOf('function onOpen() { Session.getEffectiveUser(); }', [SCOPES.currentSheet]);
    expect(() => emu.open()).toThrow('You do not have permission to call Session.getEffectiveUser.');
  });

  test('with userinfo.email the address is returned', () => {
    const emu = emuOf(who, [SCOPES.userEmail]);
    emu.setUser('clerk@tc.gov.cn', { revealed: true });
    expect(emu.run('who')).toBe('clerk@tc.gov.cn');
  });

  test('methods without an Authorization section need no scope', () => {
    const emu = emuOf('function f() { return Session.getScriptTimeZone() + HtmlService.createHtmlOutput("x").getContent(); }', [SCOPES.currentSheet]);
    expect(emu.run('f')).toBe('Asia/Shanghai' + 'x');
  });

  test('either Sheets scope is enough; neither gives the (a || b) message', () => {
    const code = 'function f() { return SpreadsheetApp.getActiveSpreadsheet().getSheets().length; }';
    expect(emuOf(code, [SCOPES.allSheets]).run('f')).toBe(1);
    expect(() => emuOf(code, [SCOPES.userEmail]).run('f')).toThrow(
      'Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  test('a manifest without oauthScopes refuses nothing (Apps Script infers them)', () => {
    const emu = emuOf(who, undefined);
    emu.setUser('clerk@tc.gov.cn', { revealed: true });
    expect(emu.run('who')).toBe('clerk@tc.gov.cn');
  });
});
