// 立即催办 (contract §11): the dialog's context, and the check of what sendUrgeNow is sent (shared by the page and the server).
import { fieldsOf } from './page-data';

export const URGE_CONTEXT_ID = 'urge-context';

/** The email a 催办 would be, as the dialog shows it: the addresses joined, the plain-text body. */
interface UrgeMail {
  readonly to: string;
  readonly cc: string;
  readonly subject: string;
  /** The HTML body says the same; the page shows this as text, never as markup. */
  readonly body: string;
}

/** One district as the dialog shows it: whether a 催办 would go now, why not, and the email itself. */
interface UrgeDistrict {
  readonly district: string;
  /** Ticked by default: it has something to say and nothing stops the send (contract §8). */
  readonly ready: boolean;
  readonly status: string;
  /** null: there is no email to show (nothing to say). */
  readonly mail: UrgeMail | null;
}

export interface UrgeDialogContext {
  /** Date, send mode and quota, as lines. */
  readonly lines: readonly string[];
  readonly districts: readonly UrgeDistrict[];
}

export interface UrgePayload {
  readonly districts: readonly string[];
}

type UrgeCheck = { ok: true; districts: string[] } | { ok: false; errors: Record<string, string> };

/** `{ districts }`: names of 配置's districts, each once; empty or absent means all with something to say. */
export function checkUrgePayload(input: unknown, known: readonly string[]): UrgeCheck {
  const notAList = { ok: false, errors: { districts: '“辖区”应为辖区名称的列表（如 ["通川区"]），留空表示所有需要催办的辖区。' } } as const;
  const fields = fieldsOf(input);
  // Anything but `{ districts }` is refused: read as "no districts named", a bare list or name would mail every district.
  if (fields === null) return notAList;
  const raw = fields['districts'];
  if (raw === undefined || raw === null) return { ok: true, districts: [] };
  if (!Array.isArray(raw) || raw.some((d) => typeof d !== 'string')) return notAList;
  const names = [...new Set(raw.map((d: string) => d.trim()).filter((d) => d !== ''))];
  const unknown = names.filter((d) => !known.includes(d));
  if (unknown.length > 0) {
    return { ok: false, errors: { districts: `“${unknown.join('”“')}”不是“配置”中的辖区，应为：${known.join('、')}。` } };
  }
  return { ok: true, districts: names };
}
