// The pushed project: manifest, script files in evaluation order, html files, and the top-level names V8 detects.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  runtimeVersion?: string;
  [key: string]: unknown;
}

export interface ScriptFile {
  readonly name: string;
  readonly source: string;
  /** Compiled once, run in every execution's fresh context. */
  readonly script: vm.Script;
}

export interface ProjectSource {
  /** Script files by name ('Code.js'), evaluated in the order given. */
  files: Record<string, string>;
  /** Html files by name, with or without the `.html` suffix. */
  html?: Record<string, string>;
  manifest?: Manifest;
}

export class Project {
  /** Every top-level declared name (functions, var/let/const, classes). */
  readonly declared = new Set<string>();
  /** The functions Apps Script detects: declarations and var/let/const function or arrow expressions. */
  readonly functions = new Set<string>();

  constructor(
    readonly files: readonly ScriptFile[],
    readonly html: ReadonlyMap<string, string>,
    readonly manifest: Manifest,
  ) {
    for (const f of files) collectTopLevel(f.name, f.source, this.declared, this.functions);
  }

  get timeZone(): string {
    return this.manifest.timeZone ?? 'America/New_York';
  }

  /** null when the manifest lists no scopes (Apps Script then infers them, so nothing is refused). */
  get oauthScopes(): readonly string[] | null {
    return Array.isArray(this.manifest.oauthScopes) ? this.manifest.oauthScopes : null;
  }

  htmlFile(name: string): string | undefined {
    return this.html.get(name.replace(/\.html$/, ''));
  }

  static fromSource(src: ProjectSource): Project {
    const files = Object.entries(src.files).map(([name, source]) => compile(name, source));
    const html = new Map(Object.entries(src.html ?? {}).map(([k, v]) => [k.replace(/\.html$/, ''), v]));
    return new Project(files, html, src.manifest ?? { timeZone: 'Asia/Shanghai', runtimeVersion: 'V8' });
  }

  /** Reads what clasp pushes; the order is .clasp.json's filePushOrder first, then alphabetical. */
  static fromDist(distDir: string): Project {
    const dir = resolve(distDir);
    const manifestPath = join(dir, 'appsscript.json');
    if (!existsSync(manifestPath)) throw new Error(`emulator: ${manifestPath} is missing; run npm run build`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const names = readdirSync(dir).sort();
    const order = pushOrder(dir);
    const js = names.filter((n) => n.endsWith('.js')).map((n) => join(dir, n));
    js.sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
    const files = js.map((p) => compile(basename(p), readFileSync(p, 'utf8')));
    const html = new Map(
      names.filter((n) => n.endsWith('.html')).map((n) => [n.replace(/\.html$/, ''), readFileSync(join(dir, n), 'utf8')]),
    );
    return new Project(files, html, manifest);
  }
}

function compile(name: string, source: string): ScriptFile {
  return { name, source, script: new vm.Script(source, { filename: name }) };
}

function pushOrder(dir: string): string[] {
  for (const candidate of [join(dirname(dir), '.clasp.json'), join(dir, '.clasp.json')]) {
    if (!existsSync(candidate)) continue;
    const clasp = JSON.parse(readFileSync(candidate, 'utf8')) as { filePushOrder?: string[] };
    return (clasp.filePushOrder ?? []).map((p) => resolve(dirname(candidate), p));
  }
  return [];
}

function rank(order: string[], path: string): number {
  const i = order.indexOf(path);
  return i < 0 ? order.length : i;
}

function collectTopLevel(name: string, source: string, declared: Set<string>, functions: Set<string>): void {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  for (const st of file.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      declared.add(st.name.text);
      functions.add(st.name.text);
    } else if (ts.isClassDeclaration(st) && st.name) {
      declared.add(st.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        declared.add(d.name.text);
        let init = d.initializer;
        while (init && ts.isParenthesizedExpression(init)) init = init.expression;
        if (init && (ts.isFunctionExpression(init) || ts.isArrowFunction(init))) functions.add(d.name.text);
      }
    }
  }
}
