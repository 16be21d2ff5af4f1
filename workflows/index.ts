export { campaignWorkflow } from './campaign-workflow';
export { unitWorkflow } from './unit-workflow';
