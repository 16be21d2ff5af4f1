import { FILE_LIMITS, FileRefusal, readTextFile } from '../../activities/files/bounded-file';
import { parse as parseYaml } from 'yaml';
import { assessmentModel, type AssessmentModel } from '../../domain/assessment/assessment-model';
import { computeAssessment, type AssessmentComputation } from '../../domain/assessment/compute-assessment';
import { AssessmentFactsSchema, type AssessmentFacts } from '../../domain/assessment/facts';
import { readScoreSheet } from '../../domain/assessment/score-sheet';
import { formatIssueIn } from '../../domain/plan/load-plan';
import { CliError, EXIT } from '../errors';
import { plural } from '../output/format';
import { readPlanFile } from '../plan/read-plan-file';
import { readScoreFile } from './read-score-file';

/**
 * The offline computation behind `campaign assessment compute`: a plan file, a score sheet and
 * optionally the campaign's facts (per unit counts and leaders' vetoes, JSON or YAML), checked and
 * computed by the domain. Nothing is sent anywhere.
 */

export async function readAssessmentPlan(file: string): Promise<AssessmentModel> {
  const checked = await readPlanFile(file);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new CliError(
      `${file} has ${plural(checked.errors.length, 'error')}${first ? `, first: ${formatIssueIn(file, first)}` : ''}`,
      EXIT.failed,
      `see them all with \`campaign validate ${file}\``,
      'invalid_plan',
    );
  }
  const { plan } = checked;
  if (!plan.assessment) {
    throw new CliError(
      `${file} has no assessment section`,
      EXIT.failed,
      'add `assessment:` to the plan (see examples/song-contest.yaml)',
      'no_assessment',
    );
  }
  return assessmentModel({ ...plan, assessment: plan.assessment });
}

async function readFacts(file: string | undefined): Promise<AssessmentFacts> {
  if (file === undefined) return AssessmentFactsSchema.parse({});
  let raw: unknown;
  try {
    raw = parseYaml(await readTextFile(file, FILE_LIMITS.yaml));
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(`cannot read the facts file ${file}: ${why}`, EXIT.failed, undefined, 'bad_facts_file');
  }
  const parsed = AssessmentFactsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'the file';
  throw new CliError(
    `${file}: ${where}: ${issue?.message ?? 'invalid'}`,
    EXIT.failed,
    'facts are { units: { <unit>: { publicNotices: 1, … } }, vetoes: [{ entrant, by, reason }] }',
    'bad_facts_file',
  );
}

export async function computeFromFiles(
  planFile: string,
  scoresFile: string,
  factsFile?: string,
): Promise<{ model: AssessmentModel; computed: AssessmentComputation }> {
  const model = await readAssessmentPlan(planFile);
  const rows = await readScoreFile(scoresFile);
  const facts = await readFacts(factsFile);
  return { model, computed: computeAssessment(model, readScoreSheet(model, rows), facts) };
}
