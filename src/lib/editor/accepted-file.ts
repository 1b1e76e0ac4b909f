/**
 * Whether a file chosen for an editor field fits the field's `accept` list (MIME types such as
 * "image/jpeg", extensions such as ".jpg", or "image/*"), as the browser's own file dialog would
 * filter it. Sveltia checks dropped files against `accept` but takes whatever the file dialog
 * returns, and a dialog can be switched to "all files". Pure and without imports: the build serves
 * it to the browser with its types stripped (src/admin/file-guard.ts uses it).
 */

/** Common names of the picture formats, for the message. */
const FORMAT_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
  'image/gif': 'GIF',
  'image/svg+xml': 'SVG',
};

/** True when a file of this name and MIME type is one the `accept` list allows. */
export function fileAccepted(name: string, type: string, accept: string): boolean {
  const extension = name.includes('.') ? `.${name.split('.').pop()!.toLowerCase()}` : '';
  const mime = type.toLowerCase();
  return accept
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .some((item) => (item.startsWith('.') ? item === extension : item.endsWith('/*') ? mime.startsWith(item.slice(0, -1)) : item === mime));
}

/** "JPEG, PNG, WebP och AVIF". */
export function acceptedFormats(accept: string): string {
  const names = accept
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => FORMAT_NAMES[item.toLowerCase()] ?? item);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names.at(-1)}` : (names[0] ?? '');
}

/** The Swedish message for a refused file, with what to do about a phone's HEIC photo. */
export function refusedFileMessage(name: string, accept: string): string {
  const heic = /\.(heic|heif)$/i.test(name);
  return (
    `Filen ${name} kan inte användas här: webbplatsen tar bara bilder i ${acceptedFormats(accept)}. ` +
    (heic
      ? 'Det är en HEIC-bild, som iPhone sparar som standard. Spara den som JPEG (till exempel genom att dela eller exportera den som JPEG) och välj den igen.'
      : 'Spara bilden i ett av de formaten och välj den igen.')
  );
}
