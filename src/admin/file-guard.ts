/**
 * Refuses, in Swedish and before Sveltia sees it, a file chosen in a field's file dialog that the
 * field's `accept` list does not allow (served as /admin/filkontroll.js, a module). Sveltia itself
 * refuses such files when they are dropped, not when a dialog set to "all files" returns them; an
 * iPhone's HEIC photo would then be committed and fail only the deploy's content check.
 */
import { fileAccepted, refusedFileMessage } from '../lib/editor/accepted-file.ts';

const NOTE_CLASS = 'filkontroll';

document.addEventListener(
  'change',
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.accept) return;
    const field = input.closest('section[data-field-type]') ?? input.parentElement;
    field?.querySelectorAll(`.${NOTE_CLASS}`).forEach((note) => note.remove());
    const refused = [...(input.files ?? [])].find((file) => !fileAccepted(file.name, file.type, input.accept));
    if (!refused) return;
    // Sveltia listens on the input itself: stopping the event here, in the capture phase, keeps
    // the file out of the entry.
    event.stopImmediatePropagation();
    const message = refusedFileMessage(refused.name, input.accept);
    input.value = '';
    const note = document.createElement('p');
    note.className = NOTE_CLASS;
    note.setAttribute('role', 'alert');
    note.textContent = message;
    field?.append(note);
  },
  true,
);
