export { campaignWorkflow } from './campaign-workflow';
export { phaseReportWorkflow } from './phase-report-workflow';
export { unitWorkflow } from './unit-workflow';
export { assessmentWorkflow } from './assessment-workflow';
export { receptionProgrammeWorkflow } from './reception-programme-workflow';
