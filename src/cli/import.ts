import { createWriteStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importRegisterFile, type RegisterKindOption } from '../features/organisations/register-import';
import { applyRegisterUpdates } from '../features/organisations/register-updates';
import { importMunicipalities, importSn2007 } from '../features/reference/reference.service';
import { systemClock } from '../server/clock';
import type { Database } from '../server/db/client';
import { PARTNERSHIP_FACTS } from '../server/features';
import { type ServiceContext, systemContext } from '../server/service-context';
import { createProgress } from './progress';

export const IMPORT_HELP = `Usage:
  klynge import brreg FILE [--kind enhet|underenhet] [--report FILE]
      Enhetsregisteret's bulk download: the JSON array of enheter or underenheter (plain or
      .gz) or the bulk CSV. Upserts by organisation number; the same file twice changes nothing.
      Rejected records are listed with reasons in the report file.
  klynge import brreg-updates FILE
      A page of the register's change feed (oppdateringer, with includeChanges=true).
  klynge import sn2007 FILE
      SSB's SN2007 code list (CSV).
  klynge import municipalities FILE [--changes FILE]
      The municipality list (CSV), and optionally the 2024 renumbering list.`;

const number = (n: number) => n.toLocaleString('en');

async function brreg(ctx: ServiceContext, file: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: 'string', default: 'auto' },
      report: { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const kind = values.kind as RegisterKindOption;
  if (!['auto', 'enhet', 'underenhet'].includes(kind)) throw new Error('--kind must be enhet or underenhet.');
  const reportPath =
    values.report ?? `klynge-import-${new Date().toISOString().replace(/[:.]/g, '-')}-rejected.tsv`;
  const report = createWriteStream(reportPath);
  report.write('entry\torgnr\treason\n');
  const progress = createProgress('import brreg', statSync(file).size);
  const summary = await importRegisterFile(ctx, file, {
    kind,
    batchSize: values.batch ? Number(values.batch) : undefined,
    onProgress: (bytes, _total, entries) => progress.update(bytes, entries),
    onReject: (r) => report.write(`${r.entry}\t${r.orgnr ?? ''}\t${r.reason.replace(/\s+/g, ' ')}\n`),
  });
  progress.stop();
  await new Promise((done) => report.end(done));
  const { counts } = summary;
  console.log(
    `${summary.status === 'completed' ? 'Done' : 'Stopped'}: ${number(counts.read)} entries read: ` +
      `${number(counts.new)} new, ${number(counts.updated)} updated, ${number(counts.unchanged)} unchanged, ` +
      `${number(counts.rejected)} rejected (reasons in ${reportPath}).`,
  );
  if (summary.error) {
    console.error(`The file is damaged: ${summary.error}`);
    console.error(
      `Entries 1 to ${number(summary.committedEntries)} were written (or reported as rejected); nothing after entry ${number(summary.committedEntries)} was written.`,
    );
    return 1;
  }
  return 0;
}

export async function runImport(db: Database, argv: string[]): Promise<number> {
  const [what, file, ...rest] = argv;
  if (!what || !file || what === '--help') {
    console.log(IMPORT_HELP);
    return what === '--help' ? 0 : 2;
  }
  const ctx = systemContext(db, systemClock);
  switch (what) {
    case 'brreg':
      return brreg(ctx, file, rest);
    case 'brreg-updates': {
      const s = await applyRegisterUpdates(ctx, file, PARTNERSHIP_FACTS);
      console.log(
        `Done: ${number(s.entries)} changes: ${number(s.created)} new, ${number(s.changed)} changed ` +
          `(${number(s.deleted)} deleted in the register), ${number(s.unchanged)} unchanged, ${number(s.removed)} removed, ` +
          `${number(s.keptBecauseMember)} kept because they are cluster partners, ${number(s.rejected.length)} rejected.`,
      );
      for (const r of s.rejected) console.log(`  rejected entry ${r.entry} (${r.orgnr}): ${r.reason}`);
      return 0;
    }
    case 'sn2007': {
      const { codes } = await importSn2007(ctx, file);
      console.log(`Done: ${number(codes)} SN2007 codes loaded.`);
      return 0;
    }
    case 'municipalities': {
      const { values } = parseArgs({ args: rest, options: { changes: { type: 'string' } } });
      const result = await importMunicipalities(ctx, file, values.changes);
      console.log(
        `Done: ${number(result.municipalities)} municipalities and ${number(result.renumbered)} renumberings loaded.`,
      );
      return 0;
    }
    default:
      console.error(`Unknown import "${what}".\n\n${IMPORT_HELP}`);
      return 2;
  }
}
