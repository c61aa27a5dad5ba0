// The CJK font from @fontsource-variable/noto-sans-sc, loaded into every page the preview serves (and the tests' bridge, which imports it from here).
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';

/** Where the font files are served, on the same origin as the page. */
export const PAGE_FONT_ROUTE = '/__fonts/';
export const PAGE_FONT_FAMILY = 'Noto Sans SC Variable';
/** The same rules as a stylesheet, for pages whose Content-Security-Policy refuses inline styles. */
export const PAGE_FONT_STYLESHEET = `${PAGE_FONT_ROUTE}page-font.css`;

function fontDir(): string {
  return dirname(require.resolve('@fontsource-variable/noto-sans-sc/index.css'));
}

let cachedCss: string | undefined;

/**
 * The package's @font-face rules (one per unicode-range slice, so a page fetches only the slices it shows), pointed
 * at PAGE_FONT_ROUTE, then one rule naming the family everywhere: a web font is used only where a page names it,
 * never as a fallback for a glyph the system fonts lack, and form controls do not inherit the page's font. !important
 * because mail bodies name `sans-serif` in inline styles.
 */
export function pageFontCss(): string {
  cachedCss ??=
    readFileSync(join(fontDir(), 'index.css'), 'utf8').replace(/url\(\.\/files\/([\w.-]+\.woff2?)\)/g, `url(${PAGE_FONT_ROUTE}$1)`) +
    `\n* { font-family: "${PAGE_FONT_FAMILY}", sans-serif !important; }\n`;
  return cachedCss;
}

/** `html` with the font's <style> first in <head>, else right after the doctype (a style before it would mean quirks mode). */
export function withPageFont(html: string): string {
  const style = `<style>${pageFontCss()}</style>`;
  const at = /<head(\s[^>]*)?>/i.exec(html) ?? /^\s*<!DOCTYPE[^>]*>/i.exec(html);
  if (at) return html.slice(0, at.index + at[0].length) + style + html.slice(at.index + at[0].length);
  return style + html;
}

/**
 * Answers GET PAGE_FONT_ROUTE<file>.woff2 (and PAGE_FONT_STYLESHEET) and returns true, or returns false for any other path. Fonts are fetched
 * in CORS mode: a sandboxed mail frame has an opaque origin, hence the Access-Control-Allow-Origin.
 */
export function servePageFont(path: string, res: ServerResponse): boolean {
  if (!path.startsWith(PAGE_FONT_ROUTE)) return false;
  if (path === PAGE_FONT_STYLESHEET) {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(pageFontCss());
    return true;
  }
  const name = path.slice(PAGE_FONT_ROUTE.length);
  const file = join(fontDir(), 'files', basename(name));
  if (basename(name) !== name || !/^[\w.-]+\.woff2$/.test(name) || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('没有这个字体文件');
    return true;
  }
  res.writeHead(200, {
    'Content-Type': 'font/woff2',
    'Cache-Control': 'max-age=3600',
    'Access-Control-Allow-Origin': '*',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(readFileSync(file));
  return true;
}
