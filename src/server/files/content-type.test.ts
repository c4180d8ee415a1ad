import { describe, expect, it } from 'vitest';
import {
  sampleDocx,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleXlsx,
  sampleZip,
} from '../../testing/sample-files';
import { recogniseContent } from './content-type';

function recognise(file: Uint8Array) {
  return recogniseContent(async (start, end) => file.subarray(start, end), file.length);
}

describe('recognising a file by its content', () => {
  it.each([
    ['a PDF', samplePdf(), 'pdf', 'application/pdf'],
    ['a PNG image', samplePng(), 'png', 'image/png'],
    ['a JPEG image', sampleJpeg(), 'jpeg', 'image/jpeg'],
    [
      'a Word document',
      sampleDocx(),
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an Excel workbook',
      sampleXlsx(),
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  ])('accepts %s', async (_what, file, kind, mediaType) => {
    expect(await recognise(file)).toEqual({ accepted: true, kind, mediaType });
  });

  it.each([
    ['a Windows program, whatever it is called', sampleExe(), 'windows_program', /Windows program/],
    ['plain text', Buffer.from('Søknad om Arena-status\nfor Mineralklynge Nord\n'), 'text', /plain text/],
    ['a web page', Buffer.from('<!DOCTYPE html><html><body>Hei</body></html>'), 'html', /HTML/],
    ['an empty file', Buffer.alloc(0), 'empty', /empty/],
    ['a ZIP archive of other things', sampleZip({ 'notes.txt': 'hei' }), 'zip', /ZIP archive/],
    [
      'an old Office file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'old_office_file',
      /DOC or XLS/,
    ],
    ['bytes of no known kind', Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00]), 'unknown', /not recognise/],
  ])('refuses %s, saying what it is', async (_what, file, kind, description) => {
    const found = await recognise(file);
    expect(found).toMatchObject({ accepted: false, kind });
    expect(found.accepted === false && found.description).toMatch(description);
  });

  it('refuses a Word document with macros, which declares another main part', async () => {
    const macros = sampleZip({
      '[Content_Types].xml':
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    expect(await recognise(macros)).toMatchObject({ accepted: false, kind: 'macro_office_file' });
  });

  it('takes a ZIP for a Word document only when its content types and its folders agree', async () => {
    const claimsWordWithoutWord = sampleZip({
      '[Content_Types].xml':
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'xl/workbook.xml': '<workbook/>',
    });
    expect(await recognise(claimsWordWithoutWord)).toMatchObject({ accepted: false, kind: 'zip' });
  });

  it('refuses a PDF signature that is not at the start', async () => {
    const hidden = Buffer.concat([Buffer.from('junk before the header\n'), samplePdf()]);
    expect(await recognise(hidden)).toMatchObject({ accepted: false, kind: 'text' });
  });

  it('does not open a damaged ZIP directory', async () => {
    const zip = sampleDocx();
    const cut = zip.subarray(0, zip.length - 30);
    expect(await recognise(cut)).toMatchObject({ accepted: false, kind: 'zip' });
  });
});
