// Who may do what (contract §1): the office is the owner plus 管理员账号; a district's editors come from 配置.

import { UNKNOWN_ACCOUNT } from './contract';
import type { Settings } from './settings';

const norm = (email: string): string => email.trim().toLowerCase();

/** Sheets hides the account in some contexts; what to do then is the caller's decision, not a refusal here. */
export function accountKnown(email: string): boolean {
  const e = norm(email);
  return e !== '' && e !== norm(UNKNOWN_ACCOUNT);
}

export function isOffice(settings: Settings, email: string, ownerEmail: string): boolean {
  if (!accountKnown(email)) return false;
  const e = norm(email);
  return (accountKnown(ownerEmail) && e === norm(ownerEmail)) || settings.admins.includes(e);
}

/** A district whose 编辑账号 is empty is the office's alone; an unknown district is nobody's but the office's. */
export function canEditDistrict(settings: Settings, email: string, ownerEmail: string, district: string): boolean {
  if (isOffice(settings, email, ownerEmail)) return true;
  if (!accountKnown(email)) return false;
  const entry = settings.districts.find((d) => d.district === district);
  return entry !== undefined && entry.editors.includes(norm(email));
}

export function editableDistricts(settings: Settings, email: string, ownerEmail: string): string[] {
  return settings.districts.map((d) => d.district).filter((d) => canEditDistrict(settings, email, ownerEmail, d));
}
