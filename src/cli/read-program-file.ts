import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type ProgramFile, parseProgramFile } from '../domain/program-file.js';
import { parseSource, type SourceFormat } from './program-source.js';
import { decodeUtf8 } from './utf8-text.js';

/**
 * A program is a page of text; 5 MB is far beyond any real one (the example is 10 KB) and small enough
 * that parsing and checking a file at the limit stays quick and within the CLI's memory.
 */
export const MAX_PROGRAM_FILE_BYTES = 5 * 1024 * 1024;

export type ProgramFileRead =
  /** `notes`: worth telling the person, not a reason to refuse the file. */
  | { kind: 'program'; program: ProgramFile; notes: string[] }
  /** The file as a whole cannot be read as a program file; `reason` completes "Cannot import FILE: …". */
  | { kind: 'unreadable'; reason: string }
  /** Every problem of its content, each with its place in the file. */
  | { kind: 'invalid'; problems: string[] };

/** Reads, decodes, parses and checks a program file, without touching anything else. */
export function readProgramFile(file: string, format: SourceFormat): ProgramFileRead {
  const bytes = readBounded(file);
  if (typeof bytes === 'string') return { kind: 'unreadable', reason: bytes };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.value.toString(16).toUpperCase().padStart(2, '0');
    return {
      kind: 'unreadable',
      reason:
        `not valid UTF-8 at byte ${decoded.byte} (0x${hex}, line ${decoded.line}, column ${decoded.column}); ` +
        'save the file as UTF-8',
    };
  }
  const source = parseSource(decoded.text, format);
  if (!source.ok) return { kind: 'invalid', problems: source.problems };
  const parsed = parseProgramFile(source.data);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  return { kind: 'program', program: parsed.program, notes: parsed.notes };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const TOO_LARGE = `a program file may be at most ${megabytes(MAX_PROGRAM_FILE_BYTES).replace('.0', '')}`;

/**
 * The file's bytes, or why not. The size is checked before reading and again while reading, at most one byte
 * past the limit: a pipe or a file still being written has no size to check beforehand.
 */
function readBounded(file: string): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return openFailure(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return 'it is a directory, not a file';
    if (stat.size > MAX_PROGRAM_FILE_BYTES) return `the file is ${megabytes(stat.size)}; ${TOO_LARGE}`;
    const buffer = Buffer.allocUnsafe(MAX_PROGRAM_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_PROGRAM_FILE_BYTES) return `the file is over the limit: ${TOO_LARGE}`;
    return buffer.subarray(0, length);
  } catch (error) {
    return openFailure(error);
  } finally {
    closeSync(fd);
  }
}

function openFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
