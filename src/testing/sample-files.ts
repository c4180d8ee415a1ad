import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

// Small but valid files of each kind Klynge recognises, built byte by byte so that the tests say
// what makes a file what it is, and no binary sits in the repository.

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

const u16le = (value: number) => [value & 0xff, (value >>> 8) & 0xff];
const u32le = (value: number) => [...u16le(value & 0xffff), ...u16le(value >>> 16)];
const u16be = (value: number) => [(value >>> 8) & 0xff, value & 0xff];
const u32be = (value: number) => [...u16be(value >>> 16), ...u16be(value & 0xffff)];

/** A one-page PDF with a correct cross-reference table. */
export function samplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const typed = bytes(type, data);
  return bytes(u32be(data.length), typed, u32be(crc32(typed)));
}

/** A 1 × 1 grey PNG: signature, header, one compressed row, end. */
export function samplePng(): Buffer {
  const header = bytes(u32be(1), u32be(1), [8, 0, 0, 0, 0]);
  const row = deflateSync(Buffer.from([0, 0x80]));
  return bytes(
    [0x89],
    'PNG\r\n',
    [0x1a, 0x0a],
    pngChunk('IHDR', header),
    pngChunk('IDAT', row),
    pngChunk('IEND', new Uint8Array()),
  );
}

const segment = (marker: number, data: number[]) => [0xff, marker, ...u16be(data.length + 2), ...data];

/**
 * A 1 × 1 grey baseline JPEG. Each Huffman table has one code of one bit, so the one block is
 * the bits 0 (no change from the mid grey) and 0 (end of block), padded with ones.
 */
export function sampleJpeg(): Buffer {
  const oneCodeTable = (tableClass: number) => [tableClass << 4, 1, ...new Array(15).fill(0), 0];
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, [...bytes('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xdb, [0, ...new Array(64).fill(1)]),
    segment(0xc0, [8, ...u16be(1), ...u16be(1), 1, 1, 0x11, 0]),
    segment(0xc4, oneCodeTable(0)),
    segment(0xc4, oneCodeTable(1)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    [0b0011_1111],
    [0xff, 0xd9],
  );
}

/** A ZIP archive of these entries, each deflated, with its central directory. */
export function sampleZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const shared = [
      ...u16le(20),
      ...u16le(0x0800),
      ...u16le(8),
      ...u16le(0),
      ...u16le(0x21),
      ...u32le(crc32(data)),
      ...u32le(packed.length),
      ...u32le(data.length),
      ...u16le(Buffer.byteLength(name)),
      ...u16le(0),
    ];
    const local = bytes(u32le(0x04034b50), shared, Buffer.from(name, 'utf8'), packed);
    directory.push(
      bytes(
        u32le(0x02014b50),
        u16le(20),
        shared,
        u16le(0),
        u16le(0),
        u16le(0),
        u32le(0),
        u32le(offset),
        Buffer.from(name, 'utf8'),
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const count = Object.keys(entries).length;
  const end = bytes(
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(count),
    u16le(count),
    u32le(central.length),
    u32le(offset),
    u16le(0),
  );
  return Buffer.concat([...locals, central, end]);
}

const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

function contentTypes(part: string, type: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="${part}" ContentType="${type}"/></Types>`
  );
}

/** A Word document with one paragraph. */
export function sampleDocx(): Buffer {
  return sampleZip({
    '[Content_Types].xml': contentTypes(
      '/word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    '_rels/.rels': `${RELATIONSHIPS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Søknad</w:t></w:r></w:p></w:body></w:document>',
  });
}

/** An Excel workbook with one empty sheet. */
export function sampleXlsx(): Buffer {
  return sampleZip({
    '[Content_Types].xml': contentTypes(
      '/xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
    '_rels/.rels': `${RELATIONSHIPS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Budsjett" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `${RELATIONSHIPS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
  });
}

/** The start of a Windows program: the DOS header that points to the PE header, and the DOS stub. */
export function sampleExe(): Buffer {
  const header = Buffer.alloc(0x80);
  header.write('MZ', 0, 'latin1');
  header.writeUInt32LE(0x80, 0x3c);
  header.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return bytes(header, 'PE\0\0', new Array(64).fill(0));
}
