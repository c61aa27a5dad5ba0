// Who may do what (contract §1): the office is the owner plus 管理员账号; a district's editors come from 配置.

import { UNKNOWN_ACCOUNT } from './contract';
import type { Settings } from './settings';

const norm = (email: string): string => email.trim().toLowerCase();

/** Sheets hides the account in some contexts; what to do then is the caller's decision, not a refusal here. */
export function accountKnown(email: string): boolean {
  const e = norm(email);
  return e !== '' && e !== norm(UNKNOWN_ACCOUNT);
}

/**
 * The file's owner, or how to look it up: asked only when 配置 does not settle the question (on Apps Script the
 * look-up is two service calls that most edits and saves need not make).
 */
export type OwnerEmail = string | (() => string);

const ownerOf = (owner: OwnerEmail): string => (typeof owner === 'function' ? owner() : owner);

/** 管理员账号 settles it; only otherwise is the owner asked. An account Sheets hides is never the office. */
export function isOffice(settings: Settings, email: string, owner: OwnerEmail): boolean {
  if (!accountKnown(email)) return false;
  const e = norm(email);
  if (settings.admins.includes(e)) return true;
  const o = ownerOf(owner);
  return accountKnown(o) && e === norm(o);
}

/** A district whose 编辑账号 is empty is the office's alone; an unknown district is nobody's but the office's. A listed editor needs no owner. */
export function canEditDistrict(settings: Settings, email: string, owner: OwnerEmail, district: string): boolean {
  if (!accountKnown(email)) return false;
  const entry = settings.districts.find((d) => d.district === district);
  return (entry !== undefined && entry.editors.includes(norm(email))) || isOffice(settings, email, owner);
}

export function editableDistricts(settings: Settings, email: string, owner: OwnerEmail): string[] {
  return settings.districts.map((d) => d.district).filter((d) => canEditDistrict(settings, email, owner, d));
}
