// Reads what a Chromium (Skia) PDF holds per page: its size and its text, decoded through each font's ToUnicode map.
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** MediaBox width and height in points. */
  width: number;
  height: number;
  /** The page's text in drawing order, without spaces between runs. */
  text: string;
}

type Objects = Map<number, string>;

function objects(pdf: Buffer): Objects {
  const out: Objects = new Map();
  // latin1 keeps every byte as one char, so stream bytes survive the round trip.
  const s = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s([\s\S]*?)endobj/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.set(Number(m[1]), m[2] ?? '');
  return out;
}

function streamOf(obj: string): string {
  const m = /stream\r?\n([\s\S]*)endstream/.exec(obj);
  if (!m) return '';
  let data = m[1] ?? '';
  if (data.endsWith('\n')) data = data.slice(0, -1);
  const raw = Buffer.from(data, 'latin1');
  return (/\/FlateDecode/.test(obj) ? inflateSync(raw) : raw).toString('latin1');
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

const utf16 = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** A ToUnicode CMap's bfchar and bfrange entries as code (hex, upper case) → text. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const m of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set((m[1] ?? '').toUpperCase(), utf16(m[2] ?? ''));
  }
  for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const m of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = (m[1] ?? '').length;
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const first = parseInt(m[3] ?? '0', 16);
      for (let c = lo; c <= hi; c += 1) map.set(c.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(first + c - lo));
    }
  }
  return map;
}

function decode(hex: string, map: Map<string, string>): string {
  const clean = hex.replace(/\s+/g, '').toUpperCase();
  const keys = [...map.keys()];
  const width = keys.length > 0 ? (keys[0] ?? '').length : 2;
  let out = '';
  for (let i = 0; i + width <= clean.length; i += width) out += map.get(clean.slice(i, i + width)) ?? '';
  return out;
}

export function readPdf(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf);
  const maps = new Map<number, Map<string, string>>();
  const fontMap = (num: number): Map<string, string> => {
    let m = maps.get(num);
    if (!m) {
      const uni = ref(objs.get(num) ?? '', 'ToUnicode');
      m = uni === null ? new Map() : cmap(streamOf(objs.get(uni) ?? ''));
      maps.set(num, m);
    }
    return m;
  };
  const pages: PdfPage[] = [];
  for (const [, obj] of [...objs.entries()].sort((a, b) => a[0] - b[0])) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(obj)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(obj);
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(obj)?.[1] ?? '';
    for (const m of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fonts.set(m[1] ?? '', Number(m[2]));
    const content = streamOf(objs.get(ref(obj, 'Contents') ?? -1) ?? '');
    let current = new Map<string, string>();
    let text = '';
    const token = /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]]*))\]\s*TJ/g;
    for (const m of content.matchAll(token)) {
      if (m[1] !== undefined) current = fontMap(fonts.get(m[1]) ?? -1);
      else if (m[2] !== undefined) text += decode(m[2], current);
      else for (const part of (m[3] ?? '').matchAll(/<([0-9A-Fa-f\s]*)>/g)) text += decode(part[1] ?? '', current);
    }
    pages.push({ width: Number(box?.[3] ?? 0) - Number(box?.[1] ?? 0), height: Number(box?.[4] ?? 0) - Number(box?.[2] ?? 0), text });
  }
  return pages;
}
