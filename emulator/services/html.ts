// HtmlService: html outputs, files of the project, and templates whose scriptlets run in the script's realm.
import { NotImplemented, ServiceError, signatureMismatch } from '../kernel/errors';
import type { ScriptRealm } from '../kernel/realm';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class HtmlOutputMetaTag {
  readonly #name: string;
  readonly #content: string;
  constructor(name: string, content: string) {
    this.#name = name;
    this.#content = content;
  }
  getName(): string {
    return this.#name;
  }
  getContent(): string {
    return this.#content;
  }
}

export class HtmlOutput {
  #content: string;
  #title = '';
  #width: number | undefined;
  #height: number | undefined;
  #xFrame: string = XFrameOptionsMode.DEFAULT;
  #meta: HtmlOutputMetaTag[] = [];

  constructor(content = '') {
    this.#content = content;
  }
  getContent(): string {
    return this.#content;
  }
  setContent(content: string): HtmlOutput {
    this.#content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.#content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.#content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this.#content = '';
    return this;
  }
  setTitle(title: string): HtmlOutput {
    this.#title = String(title);
    return this;
  }
  getTitle(): string {
    return this.#title;
  }
  setWidth(width: number): HtmlOutput {
    if (typeof width !== 'number') throw signatureMismatch('HtmlOutput.setWidth', [width]);
    this.#width = width;
    return this;
  }
  getWidth(): number | undefined {
    return this.#width;
  }
  setHeight(height: number): HtmlOutput {
    if (typeof height !== 'number') throw signatureMismatch('HtmlOutput.setHeight', [height]);
    this.#height = height;
    return this;
  }
  getHeight(): number | undefined {
    return this.#height;
  }
  // "setSandboxMode now has no effect": every page is served in IFRAME mode.
  setSandboxMode(mode: string): HtmlOutput {
    if (!Object.values(SandboxMode).includes(mode as never)) throw signatureMismatch('HtmlOutput.setSandboxMode', [mode]);
    return this;
  }
  setXFrameOptionsMode(mode: string): HtmlOutput {
    if (!Object.values(XFrameOptionsMode).includes(mode as never)) {
      throw signatureMismatch('HtmlOutput.setXFrameOptionsMode', [mode]);
    }
    this.#xFrame = mode;
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.#meta.push(new HtmlOutputMetaTag(String(name), String(content)));
    return this;
  }
  getMetaTags(): HtmlOutputMetaTag[] {
    return [...this.#meta];
  }
  /** Host-side view for the Ui log (the boundary hides `_` names from the script). */
  _view(): { title: string; html: string; width: number | undefined; height: number | undefined; xFrameOptionsMode: string } {
    return { title: this.#title, html: this.#content, width: this.#width, height: this.#height, xFrameOptionsMode: this.#xFrame };
  }
}

type Compiled = (props: object, esc: (v: unknown) => string, raw: (v: unknown) => string) => string;

export class HtmlTemplate {
  readonly #source: string;
  readonly #realm: ScriptRealm;

  constructor(source: string, realm: ScriptRealm) {
    this.#source = source;
    this.#realm = realm;
  }
  getRawContent(): string {
    return this.#source;
  }
  getCode(): string {
    return compileTemplate(this.#source);
  }
  /** Runs the scriptlets in the script's realm with the template's own properties in scope. */
  evaluate(): HtmlOutput {
    const fn = this.#realm.evaluate(compileTemplate(this.#source), 'HtmlTemplate') as Compiled;
    const props = this.#realm.Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(this)) props[key] = (this as unknown as Record<string, unknown>)[key];
    return new HtmlOutput(fn(props, (v) => escapeHtml(printable(v)), printable));
  }
}

export class HtmlService {
  readonly #files: (name: string) => string | undefined;
  readonly #realm: ScriptRealm;
  constructor(files: (name: string) => string | undefined, realm: ScriptRealm) {
    this.#files = files;
    this.#realm = realm;
  }
  get SandboxMode() {
    return SandboxMode;
  }
  get XFrameOptionsMode() {
    return XFrameOptionsMode;
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html === undefined) return new HtmlOutput();
    if (html instanceof HtmlTemplate) return html.evaluate();
    if (typeof html !== 'string') throw signatureMismatch('HtmlService.createHtmlOutput', [html]);
    return new HtmlOutput(html);
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.#file(filename));
  }
  createTemplate(html: string): HtmlTemplate {
    if (typeof html !== 'string') throw signatureMismatch('HtmlService.createTemplate', [html]);
    return new HtmlTemplate(html, this.#realm);
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.#file(filename), this.#realm);
  }
  #file(filename: string): string {
    if (typeof filename !== 'string') throw signatureMismatch('HtmlService.createHtmlOutputFromFile', [filename]);
    const content = this.#files(filename);
    if (content === undefined) throw new ServiceError(`No HTML file named ${filename} was found.`);
    return content;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function printable(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

/** Template text → the source of a function evaluated in the script's realm. */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  let last = 0;
  for (const m of source.matchAll(SCRIPTLET)) {
    const at = m.index ?? 0;
    if (at > last) lines.push(`__out.push(${JSON.stringify(source.slice(last, at))});`);
    const kind = m[1];
    const code = (m[2] ?? '').trim();
    if (kind === undefined) lines.push(code);
    else {
      // Apps Script escapes by context; inside <script> that is JavaScript escaping, which is not modelled.
      if (kind === '=' && insideScriptElement(source, at)) {
        throw new NotImplemented('HtmlTemplate <?= ?> inside <script> (JavaScript-context escaping)');
      }
      const expr = code.replace(/;\s*$/, '');
      lines.push(`__out.push(${kind === '=' ? '__esc' : '__raw'}((${expr})));`);
    }
    last = at + m[0].length;
  }
  if (last < source.length) lines.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return `(function (__props, __esc, __raw) { with (__props) { var __out = [];\n${lines.join('\n')}\nreturn __out.join(''); } })`;
}

function insideScriptElement(source: string, at: number): boolean {
  const before = source.slice(0, at).toLowerCase();
  return before.lastIndexOf('<script') > before.lastIndexOf('</script');
}
