import fs from 'node:fs';
import path from 'node:path';
import { extractDrafts } from '../domain/draft/extract-draft';
import { AnswerKeySchema, emptyTallies, ratio, scoreDraft, type Kind } from '../domain/draft/score-drafts';

/**
 * Precision and recall of `campaign draft` against the hand-written answer key
 * (test/fixtures/draft-key/) over the seed documents (a copy in test/fixtures/draft-seeds/): `npm run draft:score [SEEDS_DIR]`.
 */
const keyDir = path.resolve(__dirname, '../test/fixtures/draft-key');
const seedDir = process.argv[2] ?? path.resolve(__dirname, '../test/fixtures/draft-seeds');

const tallies = emptyTallies();
let plans = 0;
for (const file of fs
  .readdirSync(keyDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const key = AnswerKeySchema.parse(JSON.parse(fs.readFileSync(path.join(keyDir, file), 'utf8')));
  const draft = extractDrafts(fs.readFileSync(path.join(seedDir, key.seed), 'utf8'))[key.plan - 1];
  if (!draft) throw new Error(`${file}: the seed has no plan ${key.plan}`);
  scoreDraft(draft, key, tallies);
  plans++;
}
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const names: Record<Kind, string> = {
  phases: 'phases (window)',
  datedDeliverables: 'dated deliverables (due)',
  units: 'named units',
  leaders: 'leaders (role + name)',
  dates: 'dates given',
};
console.log(`answer key: ${plans} plans from ${seedDir}\n`);
console.log('| element | in key | drafted | matched | precision | recall |');
console.log('|---|---|---|---|---|---|');
for (const [kind, t] of Object.entries(tallies) as [Kind, (typeof tallies)[Kind]][]) {
  console.log(
    `| ${names[kind]} | ${t.expected} | ${t.found} | ${t.matched} | ${pct(ratio(t.matched, t.found))} | ${pct(ratio(t.matched, t.expected))} |`,
  );
}
