// Emulator: HtmlService outputs and templates with scriptlets.
import { Emulator } from '../../../emulator';

const emuOf = (code: string, html: Record<string, string> = {}) =>
  Emulator.fromSource({ files: { 'Code.js': code }, html, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('HtmlService', () => {
  test('<?= ?> escapes, <?!= ?> does not, and template properties are in scope', () => {
    const emu = emuOf(`function f() {
      const t = HtmlService.createTemplate('<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?>*<? } ?>');
      t.name = '<script>alert("x")</script>&'; t.raw = '<b>ok</b>'; t.n = 3;
      return t.evaluate().getContent(); }`);
    expect(emu.run('f')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</p><b>ok</b>***');
  });

  test('a template from a file can call the script functions', () => {
    const emu = emuOf(
      `function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
       function title_() { return '整治台账'; }
       function f() { return HtmlService.createTemplateFromFile('Sidebar').evaluate().setTitle('新增企业').getContent(); }`,
      { Sidebar: '<h1><?= title_() ?></h1><?!= include("Style") ?>', 'Style.html': '<style>p{}</style>' },
    );
    expect(emu.run('f')).toBe('<h1>整治台账</h1><style>p{}</style>');
  });

  test('a missing html file throws', () => {
    const emu = emuOf(`function f() { HtmlService.createHtmlOutputFromFile('Nope'); }`);
    expect(() => emu.run('f')).toThrow('No HTML file named Nope was found.');
  });

  test('an error in a scriptlet reaches the script unchanged', () => {
    const emu = emuOf(`function f() { try { HtmlService.createTemplate('<?= boom() ?>').evaluate(); } catch (e) { return e instanceof ReferenceError; } }`);
    expect(emu.run('f')).toBe(true);
  });

  test('<?= ?> inside a script element is not implemented (JavaScript-context escaping)', () => {
    const emu = emuOf(`function f() { HtmlService.createTemplate('<script>var x = <?= 1 ?>;</script>').evaluate(); }`);
    expect(() => emu.run('f')).toThrow('NotImplemented: HtmlTemplate <?= ?> inside <script>');
  });

  test('HtmlOutput keeps its title, size, frame mode and meta tags', () => {
    const emu = emuOf(`function f() {
      const o = HtmlService.createHtmlOutput('<p>a</p>').append('<p>b</p>').appendUntrusted('<i>')
        .setTitle('标题').setWidth(400).setHeight(300).setSandboxMode(HtmlService.SandboxMode.IFRAME)
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).addMetaTag('viewport', 'width=device-width');
      return [o.getContent(), o.getTitle(), o.getWidth(), o.getHeight(), o.getMetaTags()[0].getName()]; }`);
    expect(emu.run('f')).toEqual(['<p>a</p><p>b</p>&lt;i&gt;', '标题', 400, 300, 'viewport']);
  });
});
