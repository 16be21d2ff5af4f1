import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { FILE_LIMITS, readTextFile } from '../../activities/files/bounded-file';
import { asOfNow, campaignStatusQuery, recordFindingsUpdate } from '../../contracts';
import { idArg } from '../args';
import { usageError } from '../errors';
import { formatTime } from '../output/format';
import { example } from '../output/help';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { act } from '../run-cli';

const STATE_WORDS = { pending: '未开始', open: '进行中', overdue: '逾期未办结', done: '已办结' } as const;

/** The findings file: a list of `{ unitId, text, case? }`, the case in the fields a ledger needs. */
async function findingsFromFile(file: string): Promise<unknown> {
  const text = await readTextFile(file, FILE_LIMITS.yaml);
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    throw usageError(`cannot read findings file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** 督查, 暗查: the office's and the supervision teams' duties, their findings, and the cases they become. */
export function registerDutyCommands(program: Command): void {
  program
    .command('duties')
    .description("the office's and supervision teams' duties (督查, 暗查): due, done, findings")
    .argument('<campaign>', 'campaign id')
    .addHelpText('after', example('campaign duties county-petition-2026'))
    .action(
      act(async (ctx, [campaignId = '']) => {
        const status = await (await ctx.campaign(idArg(campaignId, 'campaign'))).query(campaignStatusQuery, asOfNow());
        const time = (ms: number | undefined) => formatTime(ms, status.timeZone);
        ctx.print(status.duties, () =>
          renderTable(
            [
              { header: 'phase' },
              { header: 'duty' },
              { header: 'by' },
              { header: 'due' },
              { header: 'state' },
              { header: 'findings', align: 'right' },
            ],
            status.duties.map((d) => [
              d.phaseId,
              `${d.dutyId} ${d.title}`,
              d.by,
              time(d.dueMs),
              STATE_WORDS[d.state],
              String(d.findings.length),
            ]),
          ),
        );
      }),
    );

  program
    .command('findings')
    .description('record what a duty (督查, 暗查) found; a finding with a case is filed in its unit’s ledger')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--phase <id>', 'the phase id')
    .requiredOption('--duty <id>', 'the duty id')
    .option('--unit <id>', 'the unit where it was found (with --finding)')
    .option('--finding <text>', 'what was found')
    .option('--file <findings.yaml>', 'several findings: a list of { unitId, text, case }')
    .option('--done', 'the duty is done (办结): no more findings are taken')
    .addHelpText(
      'after',
      example(
        'campaign findings county-petition-2026 --phase resolve --duty spot-check-may --unit town-boye --finding "台帐未及时更新" --as office',
        'campaign findings county-petition-2026 --phase resolve --duty spot-check-may --file findings.yaml --done --as leader:leader-li',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const one =
          typeof raw['finding'] === 'string' ? [{ unitId: idArg(raw['unit'], '--unit'), text: raw['finding'] }] : [];
        const many = typeof raw['file'] === 'string' ? await findingsFromFile(raw['file']) : [];
        if (!Array.isArray(many)) throw usageError('a findings file holds a list of { unitId, text, case }');
        const input = {
          phaseId: idArg(raw['phase'], '--phase'),
          dutyId: idArg(raw['duty'], '--duty'),
          by: ctx.actor(),
          findings: [...one, ...(many as unknown[])] as { unitId: string; text: string }[],
          done: raw['done'] === true,
        };
        const result = await (await ctx.campaign(id)).executeUpdate(recordFindingsUpdate, { args: [input] });
        ctx.print(result, () =>
          [
            `${style.green('ok')} ${result.recorded} finding(s) recorded on ${result.dutyId}${result.done ? '; duty done' : ''}`,
            ...result.cases.map((c) =>
              c.caseId
                ? `  case ${c.caseId} filed in ${c.unitId}'s ledger`
                : style.yellow(`  ${c.unitId} did not file the case: ${c.error}`),
            ),
          ].join('\n'),
        );
      }),
    );
}
