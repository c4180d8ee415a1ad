import type { ReadBytes } from './file-store';
import { readZipEntries, readZipEntry, type ZipEntry } from './zip-entries';

/** The kinds of file Klynge accepts as attachments, with the media type each is served as. */
export const ACCEPTED_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export type AcceptedKind = keyof typeof ACCEPTED_MEDIA_TYPES;

/** What a refused file was found to be, so a page can say it in the reader's language. */
export type OtherKind =
  | 'empty'
  | 'windows_program'
  | 'linux_program'
  | 'old_office_file'
  | 'macro_office_file'
  | 'powerpoint'
  | 'opendocument'
  | 'zip'
  | 'gif'
  | 'webp'
  | 'compressed'
  | 'html'
  | 'text'
  | 'unknown';

export type Recognised =
  | { accepted: true; kind: AcceptedKind; mediaType: (typeof ACCEPTED_MEDIA_TYPES)[AcceptedKind] }
  | { accepted: false; kind: OtherKind; description: string };

const DESCRIPTIONS: Record<OtherKind, string> = {
  empty: 'an empty file',
  windows_program: 'a Windows program (EXE or DLL)',
  linux_program: 'a program for Linux (ELF)',
  old_office_file: 'an Office file in the old format (DOC or XLS); save it as DOCX or XLSX',
  macro_office_file: 'an Office file with macros (DOCM or XLSM); save it as DOCX or XLSX',
  powerpoint: 'a PowerPoint presentation (PPTX); save it as PDF',
  opendocument: 'an OpenDocument file (ODT or ODS); save it as DOCX, XLSX or PDF',
  zip: 'a ZIP archive',
  gif: 'a GIF image',
  webp: 'a WebP image',
  compressed: 'a compressed archive',
  html: 'a web page (HTML)',
  text: 'plain text',
  unknown: 'of a kind Klynge does not recognise',
};

const accept = (kind: AcceptedKind): Recognised => ({
  accepted: true,
  kind,
  mediaType: ACCEPTED_MEDIA_TYPES[kind],
});
const refuse = (kind: OtherKind): Recognised => ({
  accepted: false,
  kind,
  description: DESCRIPTIONS[kind],
});

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** How much of the start of a file the signatures and the text test look at. */
const HEAD = 4096;

/**
 * What a file is, judged by its content and never by its name: the signature at its start, and
 * for a ZIP archive the entries that make it a Word document or an Excel workbook.
 */
export async function recogniseContent(read: ReadBytes, size: number): Promise<Recognised> {
  if (size === 0) return refuse('empty');
  const head = await read(0, HEAD);
  if (startsWith(head, ascii('%PDF-'))) return accept('pdf');
  if (startsWith(head, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a]) && startsWith(head, ascii('IHDR'), 12)) {
    return accept('png');
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return accept('jpeg');
  if (startsWith(head, ascii('PK\x03\x04')) || startsWith(head, ascii('PK\x05\x06'))) {
    return recogniseZip(read, size);
  }
  if (startsWith(head, ascii('MZ'))) return refuse('windows_program');
  if (startsWith(head, [0x7f, ...ascii('ELF')])) return refuse('linux_program');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return refuse('old_office_file');
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return refuse('gif');
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return refuse('webp');
  if (
    startsWith(head, [0x1f, 0x8b]) ||
    startsWith(head, ascii('Rar!')) ||
    startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])
  ) {
    return refuse('compressed');
  }
  if (isText(head)) return /^\s*<(!doctype html|html)/i.test(decode(head)) ? refuse('html') : refuse('text');
  return refuse('unknown');
}

/** The content type an Office file's main part declares in [Content_Types].xml. */
const MAIN_PARTS: readonly { pattern: RegExp; folder: string; result: Recognised }[] = [
  { pattern: /macroEnabled\.main\+xml/i, folder: '', result: refuse('macro_office_file') },
  { pattern: /wordprocessingml\.document\.main\+xml/, folder: 'word/', result: accept('docx') },
  { pattern: /spreadsheetml\.sheet\.main\+xml/, folder: 'xl/', result: accept('xlsx') },
  { pattern: /presentationml\.presentation\.main\+xml/, folder: 'ppt/', result: refuse('powerpoint') },
];

/**
 * A Word document and an Excel workbook are both ZIP archives. Each lists its parts in
 * [Content_Types].xml, which names the content type of its main part, and keeps that part under
 * `word/` or `xl/`; both must agree before the file is taken for one or the other.
 */
async function recogniseZip(read: ReadBytes, size: number): Promise<Recognised> {
  const entries = await readZipEntries(read, size);
  if (!entries) return refuse('zip');
  const has = (name: string) => entries.some((entry) => entry.name === name);
  if (has('mimetype') && has('content.xml')) return refuse('opendocument');
  const types = entries.find((entry) => entry.name === '[Content_Types].xml');
  const declared = types && (await readText(read, types));
  if (!declared) return refuse('zip');
  for (const { pattern, folder, result } of MAIN_PARTS) {
    if (pattern.test(declared) && entries.some((entry) => entry.name.startsWith(folder))) return result;
  }
  return refuse('zip');
}

async function readText(read: ReadBytes, entry: ZipEntry): Promise<string | undefined> {
  const bytes = await readZipEntry(read, entry);
  return bytes && decode(bytes);
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/**
 * Whether the bytes read as UTF-8 text with no control characters but tab, line breaks and form
 * feed. `stream` lets a character cut off at the end of the sample pass.
 */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text);
}
