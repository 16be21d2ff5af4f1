import { Command, Option } from 'commander';
import { registerAssessmentCommands } from './commands/assessment';
import { registerAuditCommand } from './commands/audit';
import { registerCaseCommands } from './commands/case-commands';
import { registerCodecServerCommand } from './commands/codec-server';
import { registerDraftCommand } from './commands/draft';
import { registerDutyCommands } from './commands/duties';
import { registerLeaderCommands } from './commands/leaders';
import { registerOfficeCommands } from './commands/office';
import { registerOfficeUpdateCommands } from './commands/office-updates';
import { registerOperationCommands } from './commands/operations';
import { registerReceptionCommands } from './commands/receptions';
import { registerRepairCommand } from './commands/repair';
import { registerReportCommands } from './commands/reports';
import { registerServeCommand } from './commands/serve';
import { registerUnitCommands } from './commands/units';

/** The `campaign` command: global options first, then one group of commands per user. */
export function buildProgram(): Command {
  const program = new Command('campaign')
    .description('Run a campaign work plan (实施方案) as durable Temporal workflows.')
    .option('--as <who>', 'who performs the action (default: $CAMPAIGN_ACTOR, unit:<U> for unit commands, else office)')
    .option(
      '--credential <file>',
      "the credential file to act with (default: $CAMPAIGN_CREDENTIAL, else the campaign's credentials folder)",
    )
    .option('--json', 'print machine-readable JSON')
    .option('--debug', 'show stack traces on errors')
    .addOption(new Option('--address <host:port>', 'Temporal frontend').env('TEMPORAL_ADDRESS'))
    .addOption(new Option('--namespace <ns>', 'Temporal namespace').env('TEMPORAL_NAMESPACE'))
    .addOption(new Option('--task-queue <queue>', 'task queue of the campaign worker').env('TEMPORAL_TASK_QUEUE'))
    .addOption(
      new Option('--server <url>', 'go through the campaign service (campaign serve) at this address').env(
        'CAMPAIGN_SERVER',
      ),
    )
    .showHelpAfterError(false)
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  $ campaign demo                              watch a county campaign run in two minutes
  $ campaign validate plan.yaml                check a work plan
  $ campaign start plan.yaml --rehearsal-day 2 rehearse it, one plan day every 2 seconds
  $ campaign status county-petition-2026       where a campaign stands

Exit codes: 0 ok, 1 refused by the campaign or invalid, 2 usage error, 3 Temporal unreachable.
See docs/cli.md for a tour.`,
  );
  program.commandsGroup('Office (领导小组办公室):');
  registerOfficeCommands(program);
  registerOfficeUpdateCommands(program);
  registerReportCommands(program);
  registerDraftCommand(program);
  registerAssessmentCommands(program);
  registerReceptionCommands(program);
  program.commandsGroup('Units (责任单位):');
  registerUnitCommands(program);
  registerCaseCommands(program);
  program.commandsGroup('Leaders (领导小组):');
  registerLeaderCommands(program);
  registerDutyCommands(program);
  registerAuditCommand(program);
  registerRepairCommand(program);
  program.commandsGroup('Operations:');
  registerOperationCommands(program);
  registerServeCommand(program);
  registerCodecServerCommand(program);
  return program;
}
