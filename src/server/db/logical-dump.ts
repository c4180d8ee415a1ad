import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

/**
 * A consistent, data-only dump of a Klynge database taken through SQL, and its restore.
 *
 * It is how the embedded database is backed up while the app runs: PGlite serves one session
 * through its socket, so neither pg_dump (which refuses a server newer than itself and needs
 * session settings) nor a copy of the data directory (held by the running process) will do. The
 * dump reads every table in one repeatable-read transaction; PGlite runs one transaction at a time,
 * so the app's own queries wait until the dump has been read (a few seconds for the demo data).
 *
 * The file is PostgreSQL's plain dump format restricted to data: `COPY … FROM stdin` blocks in
 * COPY's text format, then `setval` for each sequence, behind a first line recording the
 * migrations the data belongs to. The schema is not in it: it comes from those migrations, so a
 * restore migrates an empty database to the same point, loads the rows, then migrates the rest.
 * The same file restores into the embedded database or a PostgreSQL server. Gzipped when the
 * file name ends in `.gz`.
 */

const MARK = '-- klynge-dump ';
const FORMAT = 1;
/** Rows fetched from a cursor, and inserted, at a time. */
const BATCH_ROWS = 1_000;

export type DumpHeader = { format: number; takenAt: string; server: string; migrations: string[] };
export type DumpSummary = { tables: number; rows: number; migrations: number };

type Table = { name: string; columns: string[] };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The first bytes of a dump made here (plain or gzipped), to tell it from a pg_dump archive. */
export async function isLogicalDump(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MARK.length), 0, MARK.length, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b)
      return (await readHeader(file)) !== undefined;
    return buffer.subarray(0, bytesRead).toString('utf8') === MARK;
  } finally {
    await handle.close();
  }
}

async function tablesOf(client: pg.ClientBase): Promise<Table[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
      group by c.relname
      order by c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `select ch.relname as child, pa.relname as parent
       from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid
       join pg_class pa on pa.oid = k.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and ch.oid <> pa.oid`,
  );
  return parentsFirst(
    rows.map((row) => ({ name: row.name, columns: row.columns ?? [] })),
    edges.rows,
  );
}

/**
 * Tables in an order where every table comes after those its foreign keys point to, so the file
 * also loads with psql; tables caught in a circle keep their alphabetical place at the end.
 */
export function parentsFirst(tables: Table[], edges: { child: string; parent: string }[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      edges.every((edge) => edge.child !== table.name || placed.has(edge.parent)),
    );
    const next = ready.length > 0 ? ready : remaining;
    for (const table of next) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** The migrations the database has had, in order, by the hash drizzle records for each. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rows[0]?.present) return [];
  const applied = await client.query<{ hash: string }>(
    `select hash from drizzle.__drizzle_migrations order by id`,
  );
  return applied.rows.map((row) => row.hash);
}

/** COPY's text format: backslash, tab and line breaks escaped, `\N` for null. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const UNESCAPED: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of COPY's text format as written above (no octal or hex escapes: they are never written). */
export function parseCopyField(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/g, (_, character: string) => UNESCAPED[character] ?? character);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes the dump of the database behind `client` to `file`, all of it read in one transaction.
 * The client must not be in a transaction; it is left outside one.
 */
export async function writeLogicalDump(client: pg.ClientBase, file: string): Promise<DumpSummary> {
  const output = createWriteStream(file);
  const gzip = file.endsWith('.gz') ? createGzip() : undefined;
  gzip?.pipe(output);
  const out: Writable = gzip ?? output;
  let rows = 0;
  await client.query('begin isolation level repeatable read read only');
  try {
    const migrations = await appliedMigrations(client);
    const server = (await client.query<{ version: string }>('select version()')).rows[0]!.version;
    const tables = await tablesOf(client);
    const header: DumpHeader = { format: FORMAT, takenAt: new Date().toISOString(), server, migrations };
    await write(
      out,
      `${MARK}${JSON.stringify(header)}\n` +
        '-- A data-only dump of a Klynge database. Restore it with `npx klynge restore FILE` into an\n' +
        '-- empty database; the schema comes from the migrations named above.\n' +
        "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n",
    );
    for (const table of tables) {
      if (table.columns.length === 0) continue;
      const columns = table.columns.map(ident).join(', ');
      await write(out, `COPY public.${ident(table.name)} (${columns}) FROM stdin;\n`);
      await client.query(
        `declare klynge_dump no scroll cursor for select ${table.columns.map((c) => `${ident(c)}::text`).join(', ')} from public.${ident(table.name)}`,
      );
      for (;;) {
        const batch = await client.query<string[]>({
          text: `fetch ${BATCH_ROWS} from klynge_dump`,
          rowMode: 'array',
        });
        if (batch.rows.length === 0) break;
        rows += batch.rows.length;
        await write(out, batch.rows.map((row) => `${row.map(copyField).join('\t')}\n`).join(''));
      }
      await client.query('close klynge_dump');
      await write(out, '\\.\n\n');
    }
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      `select sequencename as name, last_value::text from pg_sequences where schemaname = 'public' order by 1`,
    );
    for (const sequence of sequences.rows) {
      const [value, called] = sequence.last_value === null ? ['1', 'false'] : [sequence.last_value, 'true'];
      await write(out, `SELECT pg_catalog.setval('public.${ident(sequence.name)}', ${value}, ${called});\n`);
    }
    await client.query('commit');
    out.end();
    await finished(output);
    return { tables: tables.length, rows, migrations: migrations.length };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    output.destroy();
    throw error;
  }
}

function lines(file: string) {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  // Gzipped or not is told by the first two bytes, so the file's name does not matter.
  const text = new Promise<NodeJS.ReadableStream>((done, fail) => {
    input.once('error', fail);
    input.once('readable', () => {
      const head: Buffer | null = input.read(2);
      if (head) input.unshift(head);
      done(head?.[0] === 0x1f && head[1] === 0x8b ? input.pipe(gunzip) : input);
    });
  });
  return text.then((stream) => {
    const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    // The iterator is taken at once: lines read before it exists would be lost, and a caller may
    // query the database before it starts reading.
    const iterator = reader[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: () => {
        reader.close();
        input.destroy();
      },
    };
  });
}

/** The header of a dump made here, or undefined when the file is not one. */
export async function readHeader(file: string): Promise<DumpHeader | undefined> {
  const reader = await lines(file);
  try {
    for await (const line of reader) {
      if (!line.startsWith(MARK)) return undefined;
      const header = JSON.parse(line.slice(MARK.length)) as DumpHeader;
      return header.format === FORMAT ? header : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    reader.close();
  }
}

/** Tables of the public schema that hold at least one row. */
export async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const full: string[] = [];
  for (const { name } of rows) {
    const found = await client.query(`select 1 from public.${ident(name)} limit 1`);
    if (found.rows.length > 0) full.push(name);
  }
  return full;
}

/**
 * Loads the rows of a dump into a database already migrated to the dump's migrations, in one
 * transaction: all or nothing. Foreign keys are set aside while the rows go in and put back
 * after, which checks every reference once. Triggers do not run while the rows go in: the rows are
 * what the database held, copies and partner-figure stamps included, not new writes to derive
 * anything from.
 */
export async function loadLogicalDump(client: pg.ClientBase, file: string): Promise<DumpSummary> {
  const reader = await lines(file);
  let tables = 0;
  let rows = 0;
  await client.query('begin');
  try {
    await client.query('set local session_replication_role = replica');
    const keys = await client.query<{ table: string; name: string; definition: string }>(
      `select ch.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
         from pg_constraint k
         join pg_class ch on ch.oid = k.conrelid
         join pg_namespace n on n.oid = ch.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
    );
    for (const key of keys.rows) {
      await client.query(`alter table public.${ident(key.table)} drop constraint ${ident(key.name)}`);
    }
    let insert: ((batch: (string | null)[][]) => Promise<void>) | undefined;
    let batch: (string | null)[][] = [];
    let size = 0;
    for await (const line of reader) {
      if (insert) {
        if (line === '\\.') {
          if (batch.length > 0) await insert(batch);
          batch = [];
          size = 0;
          insert = undefined;
          continue;
        }
        batch.push(line.split('\t').map(parseCopyField));
        size += line.length;
        rows += 1;
        if (batch.length >= BATCH_ROWS || size > 4_000_000) {
          await insert(batch);
          batch = [];
          size = 0;
        }
        continue;
      }
      const copy = /^COPY public\.("(?:[^"]|"")+") \((.*)\) FROM stdin;$/.exec(line);
      if (copy) {
        tables += 1;
        insert = await inserterFor(client, copy[1]!, copy[2]!);
        continue;
      }
      const sequence = /^SELECT pg_catalog\.setval\('public\.("(?:[^"]|"")+")', (\d+), (true|false)\);$/.exec(
        line,
      );
      if (sequence) {
        await client.query(`select pg_catalog.setval($1::regclass, $2::bigint, $3::boolean)`, [
          `public.${sequence[1]}`,
          sequence[2],
          sequence[3] === 'true',
        ]);
        continue;
      }
      // The header, comments, blank lines and the two SET lines (what they set is already so).
      if (line === '' || line.startsWith('--') || line.startsWith('SET ')) continue;
      throw new Error(`The dump has a line this restore does not know: ${line.slice(0, 80)}`);
    }
    if (insert) throw new Error('The dump ends inside a table: it is cut short.');
    for (const key of keys.rows) {
      await client.query(
        `alter table public.${ident(key.table)} add constraint ${ident(key.name)} ${key.definition}`,
      );
    }
    await client.query('commit');
    return { tables, rows, migrations: 0 };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    reader.close();
  }
}

/** An insert for one table's rows: each field cast from text to its column's type, as COPY would. */
async function inserterFor(client: pg.ClientBase, quotedTable: string, columnList: string) {
  const table = quotedTable.slice(1, -1).replaceAll('""', '"');
  const columns = [...columnList.matchAll(/"((?:[^"]|"")+)"/g)].map((match) =>
    match[1]!.replaceAll('""', '"'),
  );
  const { rows } = await client.query<{ name: string; type: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
    [`public.${ident(table)}`],
  );
  const types = new Map(rows.map((row) => [row.name, row.type]));
  const missing = columns.filter((column) => !types.has(column));
  if (missing.length > 0) {
    throw new Error(
      `The table ${table} has no column ${missing.join(', ')}: the dump does not fit this schema.`,
    );
  }
  const values = columns.map((column, index) => `(r->>${index})::${types.get(column)}`).join(', ');
  const text =
    `insert into public.${ident(table)} (${columns.map(ident).join(', ')}) overriding system value ` +
    `select ${values} from json_array_elements($1::json) as r`;
  return async (batch: (string | null)[][]) => {
    await client.query(text, [JSON.stringify(batch)]);
  };
}
