import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { asOfNow, campaignStatusQuery, campaignWorkflowId, ledgerStatsQuery, unitWorkflowId } from '../../contracts';
import { unitFactsFrom } from '../../domain/assessment/campaign-facts';
import type { UnitFacts } from '../../domain/assessment/facts';
import { mapWithConcurrency } from '../fanout/map-with-concurrency';
import { readUnitView } from '../reports/publish-campaign-report';
import type { ReportStore } from '../reports/report-store';
import type { AssessmentFactsInput, PublishAssessmentInput } from './assessment-inputs';
import { compileAssessmentReport } from './compile-assessment-report';

/**
 * The assessment's two reads and writes outside its workflow: the campaign's facts about each
 * unit (read from the unit workflows, as the campaign report reads them), and the result's report
 * files (stored by reference, as every report is; only references go into history).
 */

export function createAssessmentActivities(client: Client, store: ReportStore) {
  async function assessmentFacts(input: AssessmentFactsInput): Promise<Record<string, UnitFacts>> {
    const campaign = client.workflow.getHandle(campaignWorkflowId(input.campaignId));
    const status = await campaign.query(campaignStatusQuery, asOfNow());
    const facts: Record<string, UnitFacts> = {};
    await mapWithConcurrency(input.unitIds, 16, async (unitId) => {
      const workflowId = unitWorkflowId(input.campaignId, unitId);
      // A unit whose workflow never started owes nothing and filed nothing: it has no facts.
      const view = await readUnitView(client, workflowId, status).catch(() => undefined);
      if (!view) return;
      const stats = await client.workflow
        .getHandle(workflowId)
        .query(ledgerStatsQuery, asOfNow())
        .catch(() => undefined);
      facts[unitId] = unitFactsFrom({ ...view, ...(stats ? { cases: stats.overall } : {}) });
      Context.current().heartbeat();
    });
    return facts;
  }

  async function publishAssessmentReport(
    input: PublishAssessmentInput,
  ): Promise<{ files: { name: string; ref: string; mediaType: string }[] }> {
    const report = compileAssessmentReport(input);
    const stem = `${input.campaignId}-assessment`;
    const outputs = [
      { name: `${stem}.md`, mediaType: 'text/markdown', text: report.markdown },
      { name: `${stem}.html`, mediaType: 'text/html', text: report.html },
      { name: `${stem}.csv`, mediaType: 'text/csv', text: report.csv },
    ];
    const files = [];
    for (const output of outputs) {
      const ref = await store.put(Buffer.from(output.text, 'utf8'), { name: output.name, mediaType: output.mediaType });
      files.push({ name: output.name, ref, mediaType: output.mediaType });
    }
    return { files };
  }

  return { assessmentFacts, publishAssessmentReport };
}
