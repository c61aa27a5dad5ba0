// Who is running the script, as far as Apps Script reveals it. A throw is never turned into '': with the
// userinfo.email scope in the manifest a lookup does not throw, so one that does is a deployment fault to show.

/** The active user's address, lower-cased, or '' when Sheets does not reveal it (simple triggers, other domains). */
export function activeUserEmail(): string {
  return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
}

/** The account the script runs as: the installer, for installable triggers. */
export function effectiveUserEmail(): string {
  return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
}
