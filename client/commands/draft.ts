import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PlanDraft } from '../../domain/draft/draft-model';
import { draftToPlan } from '../../domain/draft/draft-to-plan';
import { extractDrafts } from '../../domain/draft/extract-draft';
import { renderDraftYaml } from '../../domain/draft/render-draft-yaml';
import { summarizeDraft, type DraftSummary } from '../../domain/draft/summarize-draft';
import { parsePlanText } from '../../domain/plan/load-plan';
import { parseArg } from '../args';
import { CliError, EXIT, usageError } from '../errors';
import { readDocument } from '../draft/read-document';
import { example } from '../output/help';
import { style } from '../output/style';
import { act } from '../run-cli';

const DraftOptions = z.object({
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  out: z.string().trim().min(1).optional(),
  plan: z.coerce.number().int().positive().optional(),
  all: z.boolean().default(false),
  force: z.boolean().default(false),
});

function outFile(input: string, out: string | undefined, plan: number | undefined): string {
  const base = out ?? `${path.basename(input, path.extname(input))}.draft.yaml`;
  if (plan === undefined) return base;
  const ext = path.extname(base) || '.yaml';
  return `${base.slice(0, base.length - ext.length)}-${plan}${ext}`;
}

function planList(drafts: PlanDraft[]): string {
  return drafts.map((d) => `  ${d.index}. ${d.title} (line ${d.firstLine}, ${d.phases.length} phases)`).join('\n');
}

function pick(file: string, drafts: PlanDraft[], options: z.infer<typeof DraftOptions>): PlanDraft[] {
  if (options.all) {
    const runnable = drafts.filter((d) => d.phases.length > 0);
    if (runnable.length === 0) throw noPhases(file);
    return runnable;
  }
  if (options.plan !== undefined) {
    const chosen = drafts[options.plan - 1];
    if (!chosen)
      throw usageError(
        `${file} holds ${drafts.length} plans; there is no plan ${options.plan}`,
        `the plans:\n${planList(drafts)}`,
      );
    if (chosen.phases.length === 0) throw noPhases(file, chosen.index);
    return [chosen];
  }
  if (drafts.length > 1) {
    throw usageError(
      `${file} holds ${drafts.length} plans; choose one with --plan N, or draft each with --all`,
      `the plans:\n${planList(drafts)}`,
    );
  }
  if (drafts[0]?.phases.length === 0 || drafts.length === 0) throw noPhases(file);
  return drafts;
}

function noPhases(file: string, plan?: number): CliError {
  const which = plan === undefined ? file : `plan ${plan} of ${file}`;
  return new CliError(
    `${which} has no phases (阶段 with their dates); there is nothing to draft`,
    EXIT.failed,
    'nothing was written',
    'no_phases',
  );
}

function renderSummary(s: DraftSummary & { out: string }): string {
  const dates = (start?: string, end?: string) => `${start ?? '待填'} – ${end ?? '待填'}`;
  const year = s.year.year
    ? `${s.year.year} (${s.year.from})`
    : style.yellow('not in the document: 待填, or give --year');
  return [
    `${style.green('drafted')} ${s.out} from plan ${s.plan}: ${s.title}`,
    `  year          ${year}`,
    `  phases        ${s.phases.length}`,
    ...s.phases.map((p) => `    ${p.name}  ${dates(p.start, p.end)}  (line ${p.line})`),
    `  deliverables  ${s.deliverables.length}`,
    ...s.deliverables.map((d) => `    ${d.title}  due ${d.due ?? '待填'}  (line ${d.line})`),
    `  units         ${s.units.length}${s.units.length ? `: ${s.units.join('、')}` : ''}`,
    `  leaders       ${s.leaders.length}${s.leaders.length ? `: ${s.leaders.map((l) => l.name ?? `${l.title ?? ''}（姓名待填）`).join('、')}` : ''}`,
    `  recurring     ${s.recurring.length}${s.recurring.length ? `: ${s.recurring.join('；')}` : ''}`,
    `  consequences  ${s.consequences.length}${s.consequences.length ? `: ${s.consequences.join('、')}` : ''}`,
    `  ${style.yellow(`to fill (待填)  ${s.toFill}`)}: see them with \`campaign validate ${s.out} --draft\``,
  ].join('\n');
}

/** Writes beside the target and renames, so a failure never leaves half a file. */
function writeDraft(file: string, text: string, force: boolean): void {
  if (!force && fs.existsSync(file)) {
    throw new CliError(
      `${file} already exists; nothing was written`,
      EXIT.failed,
      'give another --out, or --force to replace it',
      'exists',
    );
  }
  const staging = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(staging, text);
  fs.renameSync(staging, file);
}

export function registerDraftCommand(program: Command): void {
  program
    .command('draft')
    .description(
      "draft a plan from the office's own document (.txt, .docx, .doc, text .pdf); a person fills in what it marks 待填",
    )
    .argument('<document>', 'the work plan document (实施方案)')
    .option('--year <yyyy>', 'the year of dates the document writes without one')
    .option('--out <file>', 'where the draft goes (default: <document>.draft.yaml; with --all, -N is added)')
    .option('--plan <n>', 'which plan, when the document holds several')
    .option('--all', 'draft every plan of the document that has phases, each into its own file')
    .option('--force', 'replace an existing output file')
    .addHelpText(
      'after',
      example('campaign draft 实施方案.docx --year 2026 --out plan.yaml', 'campaign draft seeds.txt --plan 5'),
    )
    .action(
      act(async (ctx, [file = ''], raw) => {
        const options = parseArg(DraftOptions, raw, 'options');
        const text = await readDocument(file);
        const drafts = extractDrafts(text, options.year === undefined ? {} : { year: options.year });
        const chosen = pick(file, drafts, options);
        const outputs = chosen.map((draft) => {
          const out = outFile(file, options.out, chosen.length > 1 || options.all ? draft.index : undefined);
          const header = ` 由 campaign draft 从 ${path.basename(file)} 第${draft.index}个方案（第${draft.firstLine}–${draft.lastLine}行）起草。\n 每个值上方的注释引用它所出自的原文；"<<待填: …>>" 是文中没有或不确定的内容，需人工填写。\n 查看剩余待填项：campaign validate ${out} --draft`;
          const yaml = renderDraftYaml(draftToPlan(draft), header);
          const checked = parsePlanText(yaml, out, { draft: true });
          return { out, yaml, summary: { ...summarizeDraft(draft, checked.remaining?.length ?? 0), out } };
        });
        for (const output of outputs) writeDraft(output.out, output.yaml, options.force);
        const summaries = outputs.map((o) => o.summary);
        ctx.print({ file, plans: summaries }, () => summaries.map(renderSummary).join('\n\n'));
      }),
    );
}
