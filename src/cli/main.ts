import { hasProgramme } from '../features/programme/programme.service';
import { osloDate, systemClock } from '../server/clock';
import { type Database, type DatabaseHandle, openDatabase } from '../server/db/client';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { migrateDatabase } from '../server/db/migrate';
import { runAlone } from '../server/db/run-alone';
import { seedDemo } from '../server/demo-seed';
import { ConfigError, databaseTarget, type Env, loadEnv } from '../server/env';
import { FEATURES } from '../server/features';
import { announceWriteToInstances } from '../server/http/read-cache-channel';
import { runServer } from '../server/main';
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import { createUser, processIo, readCreateUserRequest } from './create-user';
import { runImport } from './import';
import { initProgrammeCommand } from './init-programme';

const HELP = `Usage: klynge <command>

Commands:
  serve      Start the web server (the same as npm start)
  migrate    Apply the database migrations
  seed       Load the demo data into an empty database
  import     Load register or reference data: brreg, brreg-updates, sn2007, municipalities
             (klynge import --help)
  create-user --email E --name N --role R [--cluster SLUG] [--orgnr ORGNR] [--password-stdin]
             Create an account; the password is read from standard input (--password-stdin),
             from KLYNGE_PASSWORD, or asked for in a terminal
  backup FILE
             Write a backup of the database to FILE: pg_dump's custom format for a PostgreSQL
             server, a consistent SQL dump of the embedded database (taken while it runs;
             gzipped when FILE ends in .gz)
  restore FILE
             Load a backup into an empty database, then migrate it to this version. The
             embedded database's server must be stopped
  init-programme --template norway
             Write the Norwegian programme (levels and their history, the NCE brand, the
             cap on operating aid) into a database that has no programme
  help       Show this text

The database is the PostgreSQL server in DATABASE_URL, or else the embedded database in
KLYNGE_DATA_DIR (default ./data). While a Klynge server runs on the embedded database, commands
use it through its socket.`;

/** The exit status of an import that did nothing because another was running (EX_TEMPFAIL). */
const IMPORT_BUSY = 75;

/** CLI commands join a running server's embedded database instead of refusing it. */
function openForCommand(env: Env) {
  const target = databaseTarget(env);
  return openDatabase(target.kind === 'embedded' ? { ...target, joinRunning: true } : target);
}

async function withDatabase(
  env: Env,
  work: (db: Database, database: DatabaseHandle) => Promise<number>,
): Promise<number> {
  const database = await openForCommand(env);
  try {
    await migrateDatabase(database);
    try {
      return await work(database.db, database);
    } finally {
      // Servers on the same PostgreSQL database clear their read caches, as after their own
      // writes; a failed command may have committed part of its work.
      await announceWriteToInstances(database).catch(() => {});
    }
  } finally {
    await database.close();
  }
}

/** Imports on one database run one at a time, so an import started on every host runs once. */
async function importAlone(db: Database, database: DatabaseHandle, argv: string[]): Promise<number> {
  const outcome = await runAlone(database, 'klynge import', () => runImport(db, argv));
  if (outcome.ran) return outcome.result;
  console.error(
    'Another `klynge import` is running on this database; this one did nothing. Try again later.',
  );
  return IMPORT_BUSY;
}

async function seed(db: Database): Promise<number> {
  if (await hasProgramme({ db })) {
    console.error(
      'The database already holds a programme; the demo data is loaded only into an empty database.',
    );
    return 1;
  }
  const summary = await seedDemo(db, systemClock, osloDate(systemClock.now()), FEATURES);
  console.log(
    `Demo data loaded: ${Object.entries(summary)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ')}.`,
  );
  return 0;
}

async function backupOrRestore(command: 'backup' | 'restore', file: string | undefined): Promise<number> {
  if (!file) {
    console.error(`Usage: klynge ${command} FILE`);
    return 2;
  }
  const target = databaseTarget(loadEnv());
  const database =
    target.kind === 'postgres' ? 'the PostgreSQL database' : `the embedded database in ${target.dataDir}`;
  if (command === 'backup') {
    const { summary } = await backupDatabase(target, file);
    console.log(`Backed up ${database} to ${file}: ${summary}.`);
  } else {
    const { summary } = await restoreDatabase(target, file);
    console.log(`Restored ${file} into ${database}: ${summary}.`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'help'] = argv;
  try {
    switch (command) {
      case 'serve':
        await runServer();
        return -1;
      case 'migrate':
        return await withDatabase(loadEnv(), async () => {
          console.log('The database is migrated.');
          return 0;
        });
      case 'seed':
        return await withDatabase(loadEnv(), seed);
      case 'create-user': {
        // What to create, and the password, are settled before a database is opened.
        const io = processIo();
        const request = await readCreateUserRequest(argv.slice(1), io);
        if (typeof request === 'number') return request;
        return await withDatabase(loadEnv(), (db) => createUser(db, request, io));
      }
      case 'import':
        return await withDatabase(loadEnv(), (db, database) => importAlone(db, database, argv.slice(1)));
      case 'backup':
      case 'restore':
        return await backupOrRestore(command, argv[1]);
      case 'init-programme':
        return await withDatabase(loadEnv(), (db) => initProgrammeCommand(db, systemClock, argv.slice(1)));
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BackupError) {
      console.error(error.message);
    } else console.error(error);
    return 1;
  }
}
