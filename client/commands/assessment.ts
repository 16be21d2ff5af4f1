import type { Command } from 'commander';
import { z } from 'zod';
import { computeFromFiles } from '../assessment/compute-from-files';
import { issueLine, renderBreakdown, renderResult } from '../assessment/render-result';
import { idArg, parseArg } from '../args';
import { CliError, EXIT } from '../errors';
import { plural } from '../output/format';
import { example } from '../output/help';
import { act } from '../run-cli';
import { registerLiveAssessmentCommands } from './assessment-live';

/** `campaign assessment …`: scores, rankings and awards (考核评比). */

const ComputeOptions = z.object({
  scores: z.string().trim().min(1),
  facts: z.string().trim().min(1).optional(),
  unit: z.string().optional(),
});

export function registerAssessmentCommands(program: Command): void {
  const assessment = program.command('assessment').description('scores, rankings and awards (考核评比)');
  assessment
    .command('compute')
    .description('compute the ranking, awards and vetoes from a sheet of scores, offline, to check before publishing')
    .argument('<plan>', 'plan file with an assessment section')
    .requiredOption(
      '--scores <file>',
      '.csv or .xlsx with columns assessor, unit, item, score (评委, 单位, 项目, 得分)',
    )
    .option('--facts <file>', "the campaign's facts: per-unit counts and leaders' vetoes (JSON or YAML)")
    .option('--unit <id>', "show only this unit's breakdown")
    .addHelpText(
      'after',
      example(
        'campaign assessment compute examples/song-contest.yaml --scores 评分表.xlsx',
        'campaign assessment compute plan.yaml --scores scores.csv --facts facts.yaml --unit class-3-2',
      ),
    )
    .action(
      act(async (ctx, [planFile = ''], raw) => {
        const options = parseArg(ComputeOptions, raw, 'options');
        const unit = options.unit === undefined ? undefined : idArg(options.unit, '--unit');
        const { computed } = await computeFromFiles(planFile, options.scores, options.facts);
        if (!computed.ok && ctx.json) {
          // Every refused row, as data, instead of the one-sentence error.
          ctx.print({ ok: false, errors: computed.errors, warnings: computed.warnings }, () => '');
          process.exitCode = EXIT.failed;
          return;
        }
        if (!computed.ok) {
          process.stderr.write(`${[...computed.errors, ...computed.warnings].map(issueLine).join('\n')}\n`);
          throw new CliError(
            `${options.scores}: ${plural(computed.errors.length, 'error')}; nothing was computed`,
            EXIT.failed,
            'correct the rows named above and compute again',
            'bad_scores',
          );
        }
        const { result } = computed;
        if (unit === undefined) {
          ctx.print(result, () => renderResult(result));
          return;
        }
        const line = result.ranking.find((r) => r.entrant === unit);
        if (!line)
          throw new CliError(`"${unit}" is not one of the units assessed`, EXIT.failed, undefined, 'not_found');
        ctx.print(line, () => renderBreakdown(line));
      }),
    );
  registerLiveAssessmentCommands(assessment);
}
