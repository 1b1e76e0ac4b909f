/** Shared shapes of the content check: what a problem is and where it sits. */

/**
 * An error stops the build; a warning is printed and the build goes on; info needs no action
 * (a scheduled release, say) but tells the editor what the build did with the file.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in a file, as editors' text editors count. */
export interface Position {
  line: number;
  column: number;
}

/** One thing an editor should look at, in plain Swedish. */
export interface Problem {
  severity: Severity;
  /** Path as shown to the editor, relative to the repository when the file is inside it. */
  file: string;
  /** Where in the file, when it can be known. */
  position?: Position;
  /** The field, in the same notation as the schemas: "sessions[1].end". */
  field?: string;
  /** A complete Swedish sentence (or several) saying what is wrong and what is expected. */
  message: string;
}

/** A content file read from disk, with the path shown in messages. */
export interface SourceFile {
  /** Path relative to the content folder, with forward slashes: "pressmeddelanden/x.md". */
  name: string;
  /** Path shown to editors: "content/pressmeddelanden/x.md". */
  display: string;
  text: string;
}
