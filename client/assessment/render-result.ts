import type { AssessmentResult, EntrantResult } from '../../domain/assessment/result-schema';
import type { ScoreIssue } from '../../domain/assessment/score-sheet';
import { style } from '../output/style';
import { renderTable } from '../output/table';

/**
 * The human forms of an assessment result: the ranking with one column per item, the award list
 * (表彰名单), the veto list and the warnings; and one unit's breakdown (each item, each assessor,
 * what was dropped and deducted), which is all a unit is shown of a published result.
 */

export function issueLine(issue: ScoreIssue): string {
  const where = issue.row === undefined ? '' : `row ${issue.row}: `;
  const label = issue.severity === 'error' ? style.red('error') : style.yellow('warning');
  return `${label}  ${where}${issue.message}`;
}

function rankingTable(result: AssessmentResult): string {
  const items = result.ranking[0]?.items ?? [];
  const columns = [
    { header: '名次', align: 'right' as const },
    { header: '单位', max: 24 },
    ...items.map((item) => ({ header: item.name, align: 'right' as const, max: 12 })),
    { header: '扣分', align: 'right' as const },
    { header: '总分', align: 'right' as const },
    { header: '奖项' },
  ];
  const rows = result.ranking.map((r) => [
    String(r.rank),
    r.name,
    ...r.items.map((item) => item.contribution),
    r.deductions.length ? `-${r.deductions.reduce((text, d) => (text ? `${text}+${d.points}` : d.points), '')}` : '',
    r.total,
    r.vetoes.length ? style.red('一票否决') : (r.award?.name ?? ''),
  ]);
  return renderTable(columns, rows);
}

export function renderResult(result: AssessmentResult): string {
  const names = new Map(result.ranking.map((r) => [r.entrant, r.name]));
  const lines = [style.bold(`${result.title} — 排名（满分 ${result.maxTotal}）`), rankingTable(result), ''];
  lines.push(style.bold('表彰名单'));
  for (const award of result.awards) {
    lines.push(
      `  ${award.name}（${award.entrants.length}）：${award.entrants.map((id) => names.get(id) ?? id).join('、') || '无'}`,
    );
  }
  if (result.vetoed.length > 0) {
    lines.push('', style.bold('一票否决'));
    for (const veto of result.vetoed) lines.push(`  ${veto.name}：${veto.reasons.join('；')}`);
  }
  if (result.warnings.length > 0) lines.push('', ...result.warnings.map(issueLine));
  return lines.join('\n');
}

export function renderBreakdown(entrant: EntrantResult): string {
  const lines = [
    style.bold(
      `${entrant.name}：第 ${entrant.rank} 名，总分 ${entrant.total}${entrant.award ? `，${entrant.award.name}` : ''}`,
    ),
  ];
  for (const item of entrant.items) {
    lines.push(
      `  ${item.name}：${item.score}${item.contribution !== item.score ? `（计入总分 ${item.contribution}）` : ''}`,
    );
    if (item.fact) lines.push(`    由${item.fact.name} ${item.fact.value} 计算`);
    for (const line of item.assessors) {
      const dropped = line.dropped === 'highest' ? '（去掉最高分）' : line.dropped === 'lowest' ? '（去掉最低分）' : '';
      lines.push(`    ${line.name} ${line.score}${dropped}`);
    }
  }
  lines.push(`  小计：${entrant.subtotal}`);
  for (const d of entrant.deductions) lines.push(`  扣分：${d.name} ${d.count} 次，扣 ${d.points} 分`);
  for (const reason of entrant.vetoes) lines.push(`  ${style.red('一票否决')}：${reason}`);
  return lines.join('\n');
}
