// Document properties: one handle per execution (Apps Script evaluates the script afresh for each one).
type Properties = GoogleAppsScript.Properties.Properties;

let handle: Properties | null = null;

export function documentProperties(): Properties {
  return (handle ??= PropertiesService.getDocumentProperties());
}

/** Every document property with one getProperties: a snapshot as of now, to share across one execution's steps. */
export function readDocumentProperties(): Readonly<Record<string, string>> {
  return documentProperties().getProperties();
}
