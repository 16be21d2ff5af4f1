import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { IssuePath } from '../plan/plan-issue';
import type { PlanDraftData } from './draft-to-plan';

/**
 * Plan YAML with the draft's comments: a mapping key gets its comment on the line above it, a list
 * item above its dash. YAML 1.2 keeps dates as strings, so the file reads back as written.
 */
function attach(doc: Document, path: IssuePath, text: string): void {
  const last = path[path.length - 1];
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (typeof last === 'number' && isSeq(parent)) {
    const item = parent.items[last] as Node | undefined;
    if (item) item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${text}` : text;
    return;
  }
  if (!isMap(parent)) return;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  if (pair && isScalar(pair.key))
    pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text;
}

export function renderDraftYaml(data: PlanDraftData, header: string): string {
  const doc = new Document(data.plan);
  doc.commentBefore = header;
  for (const comment of data.comments) attach(doc, comment.path, comment.text);
  return doc.toString({ lineWidth: 0 });
}
