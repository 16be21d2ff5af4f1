import type { Command } from 'commander';
import { z } from 'zod';
import {
  approveResultUpdate,
  assessmentResultQuery,
  assessmentStandingQuery,
  assessmentWorkflowId,
  closeScoringUpdate,
  submitScoresUpdate,
  unitResultQuery,
} from '../../contracts/assessment';
import { AssessmentFactsSchema } from '../../domain/assessment/facts';
import { idArg, parseArg } from '../args';
import { renderBreakdown, renderResult } from '../assessment/render-result';
import { readScoreFile } from '../assessment/read-score-file';
import { remoteAssessment } from '../remote/remote-views';
import type { CliContext } from '../context';
import { CliError, EXIT, usageError } from '../errors';
import { example } from '../output/help';
import { act } from '../run-cli';
import { parse as parseYaml } from 'yaml';
import { FILE_LIMITS, readTextFile } from '../../activities/files/bounded-file';

/**
 * `campaign assessment score|close|approve|show ID`: scoring in a running campaign. The person
 * acting is named with --as (an assessor's or leader's id); the campaign's assessment workflow
 * checks every score against the plan and refuses a sheet with one bad score whole.
 */

const ScoreOptions = z.object({
  scores: z.string().optional(),
  unit: z.string().optional(),
  item: z.string().optional(),
  score: z.string().optional(),
});

/**
 * The person acting, by id or by the name the plan gives them (评委一). Through the service it is
 * the holder of the credential file, and --as must not name anyone else.
 */
function actor(ctx: CliContext): string {
  const holder = ctx.remote()?.holder.replace(/^(leader|assessor):/, '');
  const named = ctx.options.as?.replace(/^(leader|assessor):/, '').trim();
  if (holder !== undefined && named && named !== holder)
    throw usageError(`--as ${named}: through the service you act as the holder of your credential, ${holder}`);
  const who = holder ?? named;
  if (!who) throw usageError('say who is acting with --as <assessor or leader id or name>');
  return parseArg(z.string().max(64), who, '--as');
}

async function handleOf(ctx: CliContext, campaignId: string) {
  ctx.campaignId = idArg(campaignId, 'campaign');
  return (await ctx.client()).workflow.getHandle(assessmentWorkflowId(ctx.campaignId));
}

async function scoresFrom(options: z.infer<typeof ScoreOptions>, by: string) {
  if (options.scores !== undefined) {
    const rows = await readScoreFile(options.scores);
    const others = rows.filter((r) => r.assessor !== by);
    if (others.length > 0) throw usageError(`row ${others[0]?.row}: a sheet sent --as ${by} holds only ${by}'s scores`);
    return rows.map(({ unit, item, score }) => ({ unit, item, score }));
  }
  if (options.unit && options.item && options.score)
    return [{ unit: options.unit, item: options.item, score: options.score }];
  throw usageError('give --scores FILE, or --unit, --item and --score');
}

async function factsFrom(file: string | undefined) {
  if (file === undefined) return undefined;
  const parsed = AssessmentFactsSchema.safeParse(parseYaml(await readTextFile(file, FILE_LIMITS.yaml)) ?? {});
  if (!parsed.success) throw new CliError(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, EXIT.failed);
  return parsed.data;
}

/** A unit's own line of the published result. */
async function unitLine(ctx: CliContext, campaignId: string, unitId: string) {
  const remote = ctx.remote();
  if (remote) return remoteAssessment.unit(remote, idArg(campaignId, 'campaign'), unitId);
  const line = await (await handleOf(ctx, campaignId)).query(unitResultQuery, unitId);
  if (!line) throw new CliError(`no published result for ${unitId} yet`, EXIT.failed, undefined, 'not_published');
  return line;
}

async function assessmentView(ctx: CliContext, campaignId: string) {
  const remote = ctx.remote();
  if (remote) return remoteAssessment.view(remote, idArg(campaignId, 'campaign'));
  const handle = await handleOf(ctx, campaignId);
  const [standing, result] = await Promise.all([
    handle.query(assessmentStandingQuery),
    handle.query(assessmentResultQuery),
  ]);
  return { standing, result };
}

export function registerLiveAssessmentCommands(assessment: Command): void {
  assessment
    .command('score')
    .description("send an assessor's scores to a running campaign (a sheet, or one score)")
    .argument('<campaign>', 'campaign id')
    .option('--scores <file>', '.csv or .xlsx: assessor, unit, item, score')
    .option('--unit <unit>', 'one score: the unit (id or name)')
    .option('--item <item>', 'one score: the item (id or name)')
    .option('--score <score>', 'one score: the score')
    .addHelpText('after', example('campaign --as judge-1 assessment score song-contest-2026 --scores 评委一.xlsx'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const by = actor(ctx);
        const scores = await scoresFrom(parseArg(ScoreOptions, raw, 'options'), by);
        const remote = ctx.remote();
        const receipt = remote
          ? await remoteAssessment.score(remote, idArg(campaignId, 'campaign'), scores)
          : await (await handleOf(ctx, campaignId)).executeUpdate(submitScoresUpdate, { args: [{ by, scores }] });
        ctx.print(
          receipt,
          () =>
            `recorded ${receipt.recorded} score(s)${receipt.replacing ? `, ${receipt.replacing} replacing an earlier one` : ''}`,
        );
      }),
    );
  assessment
    .command('close')
    .description('close scoring and compute the result (the office); the leading group approves it next')
    .argument('<campaign>', 'campaign id')
    .option('--facts <file>', "the campaign's facts per unit and leaders' vetoes (JSON or YAML)")
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const facts = await factsFrom(parseArg(z.object({ facts: z.string().optional() }), raw, 'options').facts);
        const remote = ctx.remote();
        const result = remote
          ? await remoteAssessment.close(remote, idArg(campaignId, 'campaign'), facts)
          : await (
              await handleOf(ctx, campaignId)
            ).executeUpdate(closeScoringUpdate, { args: [{ by: 'office', ...(facts ? { facts } : {}) }] });
        ctx.print(result, () => renderResult(result));
      }),
    );
  assessment
    .command('approve')
    .description('approve the computed result for publication (a leader of the leading group)')
    .argument('<campaign>', 'campaign id')
    .action(
      act(async (ctx, [campaignId = '']) => {
        const by = actor(ctx);
        const remote = ctx.remote();
        const standing = remote
          ? await remoteAssessment.approve(remote, idArg(campaignId, 'campaign'))
          : await (await handleOf(ctx, campaignId)).executeUpdate(approveResultUpdate, { args: [{ by }] });
        ctx.print(standing, () => `published, approved by ${by}`);
      }),
    );
  assessment
    .command('show')
    .description("where scoring stands and the result; with --unit, that unit's own breakdown once published")
    .argument('<campaign>', 'campaign id')
    .option('--unit <unit>', 'the unit whose breakdown to show')
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const { unit } = parseArg(z.object({ unit: z.string().optional() }), raw, 'options');
        if (unit !== undefined) {
          const line = await unitLine(ctx, campaignId, idArg(unit, '--unit'));
          ctx.print(line, () => renderBreakdown(line));
          return;
        }
        const { standing, result } = await assessmentView(ctx, campaignId);
        ctx.print({ standing, result }, () => {
          const owing = standing.owing.map((o) => `${o.assessor} owes ${o.missing}`).join(', ');
          const approved = standing.approvedBy ? `, approved by ${standing.approvedByName ?? standing.approvedBy}` : '';
          const files = (standing.files ?? []).map((f) => `\n  ${f.name} (${f.ref})`).join('');
          const head = `stage ${standing.stage}${approved}, ${standing.scoresRecorded} score(s) recorded${owing ? `; ${owing}` : ''}${files}`;
          return result ? `${head}\n${renderResult(result)}` : head;
        });
      }),
    );
}
