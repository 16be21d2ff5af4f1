import type { TextLine } from './text-lines';

/**
 * A document may hold several plans (a page of "实施方案5篇", "第一篇：…第五篇：…"). A plan starts
 * at a marker line; a marker whose plan is too short to be one (a collection's own heading and
 * blurb) joins the plan after it. Text before the first marker is the page around the plans.
 */
const MARKERS = [/^第[一二三四五六七八九十]+篇\s*[:：]/u, /篇\s*\d{1,2}$/u, /方案\s*\d{1,2}$/u];
const MIN_PLAN_CHARS = 200;

export interface PlanSegment {
  heading: string;
  lines: TextLine[];
}

function isMarker(line: TextLine): boolean {
  const text = line.norm.trim();
  return text.length > 0 && text.length <= 40 && MARKERS.some((marker) => marker.test(text));
}

export function splitPlans(lines: TextLine[]): PlanSegment[] {
  const starts = lines.flatMap((line, i) => (isMarker(line) ? [i] : []));
  if (starts.length === 0) return [{ heading: lines.find((l) => l.text.trim())?.text.trim() ?? '', lines }];
  const segments: PlanSegment[] = [];
  let pendingFrom: number | undefined;
  starts.forEach((from, k) => {
    const to = starts[k + 1] ?? lines.length;
    const body = lines.slice(from + 1, to).reduce((sum, line) => sum + line.text.trim().length, 0);
    if (body < MIN_PLAN_CHARS && k + 1 < starts.length) {
      pendingFrom ??= from;
      return;
    }
    segments.push({ heading: lines[from]?.text.trim() ?? '', lines: lines.slice(pendingFrom ?? from, to) });
    pendingFrom = undefined;
  });
  return segments;
}
