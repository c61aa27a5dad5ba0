// Who is running the script, as far as Apps Script reveals it.

/** The active user's address, lower-cased, or '' when Sheets does not reveal it (simple triggers, other domains). */
export function activeUserEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** The account the script runs as: the installer, for installable triggers. */
export function effectiveUserEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}
