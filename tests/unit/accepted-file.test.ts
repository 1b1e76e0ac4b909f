import { describe, expect, it } from 'vitest';
import { acceptedFormats, fileAccepted, refusedFileMessage } from '../../src/lib/editor/accepted-file.ts';
import { PICTURE_ACCEPT } from '../../src/lib/editor/cms-config.ts';

describe('files chosen for an image field', () => {
  it('accepts the formats the content check accepts, by MIME type', () => {
    expect(PICTURE_ACCEPT).toBe('image/jpeg,image/png,image/webp,image/avif');
    for (const [name, type] of [
      ['konferens.jpg', 'image/jpeg'],
      ['Logga.PNG', 'image/png'],
      ['a.webp', 'image/webp'],
      ['a.avif', 'image/avif'],
    ]) {
      expect(fileAccepted(name!, type!, PICTURE_ACCEPT), name).toBe(true);
    }
  });

  it('refuses HEIC, GIF, SVG, PDF and files of no known type', () => {
    for (const [name, type] of [
      ['IMG_0001.HEIC', 'image/heic'],
      ['bild.heif', 'image/heif'],
      ['a.gif', 'image/gif'],
      ['a.svg', 'image/svg+xml'],
      ['a.pdf', 'application/pdf'],
      ['IMG_0001.HEIC', ''],
    ]) {
      expect(fileAccepted(name!, type!, PICTURE_ACCEPT), name).toBe(false);
    }
  });

  it('understands extensions and wildcards in accept, as the browser does', () => {
    expect(fileAccepted('a.JPG', '', '.jpg,.png')).toBe(true);
    expect(fileAccepted('a.gif', 'image/gif', 'image/*')).toBe(true);
    expect(fileAccepted('a.pdf', 'application/pdf', 'image/*')).toBe(false);
  });

  it('says in Swedish what is accepted, and what to do with an iPhone photo', () => {
    expect(acceptedFormats(PICTURE_ACCEPT)).toBe('JPEG, PNG, WebP och AVIF');
    expect(refusedFileMessage('IMG_0001.HEIC', PICTURE_ACCEPT)).toBe(
      'Filen IMG_0001.HEIC kan inte användas här: webbplatsen tar bara bilder i JPEG, PNG, WebP och AVIF. Det är en HEIC-bild, som iPhone sparar som standard. Spara den som JPEG (till exempel genom att dela eller exportera den som JPEG) och välj den igen.',
    );
    expect(refusedFileMessage('a.gif', PICTURE_ACCEPT)).toMatch(/^Filen a\.gif kan inte användas här: .* Spara bilden i ett av de formaten och välj den igen\.$/);
  });
});
