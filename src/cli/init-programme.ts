import { parseArgs } from 'node:util';
import { initProgramme } from '../features/programme/programme.service';
import { isProgrammeTemplateName, PROGRAMME_TEMPLATES } from '../features/programme/programme.templates';
import type { Clock } from '../server/clock';
import type { Database } from '../server/db/client';
import { AppError } from '../server/http/app-error';
import { systemContext } from '../server/service-context';

const USAGE = `Usage: klynge init-programme --template ${Object.keys(PROGRAMME_TEMPLATES).join('|')}`;

/**
 * `klynge init-programme --template norway`: a production start's programme, written from a
 * template the operator then adjusts on the set-up page. Only into a database without one.
 */
export async function initProgrammeCommand(db: Database, clock: Clock, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { template: { type: 'string' } } });
  if (!values.template) {
    console.error(USAGE);
    return 2;
  }
  if (!isProgrammeTemplateName(values.template)) {
    console.error(`Unknown template "${values.template}". ${USAGE}`);
    return 2;
  }
  try {
    const made = await initProgramme(systemContext(db, clock), PROGRAMME_TEMPLATES[values.template]);
    console.log(
      `Wrote the programme ${made.slug}: ${made.operators} operators, ${made.levels} levels, ${made.brands} brands. ` +
        'Add the press contacts at /programme/setup.',
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.detail);
      return 1;
    }
    throw error;
  }
}
