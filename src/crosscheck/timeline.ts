/**
 * Merged timeline: dated events (a DATE timex in a sentence + that sentence) across a story's
 * articles. Sentences on the same date that say much the same thing merge into one event citing
 * all of them; dates that stay relative or partial ("this Saturday" -> XXXX-WXX-6) are kept and
 * marked unresolved.
 */
import { prepareDoc, sentenceAt } from '../extract/common/text.js';
import { STOPWORDS, stem } from '../stories/features.js';
import type { DatePart, PublishedRef, TimelineEvent, TimexMention } from '../types.js';
import { isPhotoCaption } from './brief.js';
import type { CrossArticle } from './claims.js';
import { datelineLength, startsLine } from './dateline.js';

/** Word-overlap (Dice) above which two same-date sentences are one event. */
const SAME_EVENT = 0.3;
/** Longest "what" kept, in characters. */
const MAX_WHAT = 240;

/** Below this confidence an inferred reference makes the dates resolved against it approximate. */
const FIRM_REFERENCE = 0.5;
const CALENDAR_PARTS: ReadonlySet<DatePart> = new Set(['year', 'month', 'day', 'week']);

const RESOLVED = /^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|SU|WI|FA|SP))?$/;

function bag(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 2 && !STOPWORDS.has(w)) out.add(stem(w));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return (2 * n) / (a.size + b.size);
}

/** The value rests on a weak inferred reference: the text leaves calendar parts to it ("Tuesday"). */
function approximate(t: TimexMention, ref: PublishedRef | null): boolean {
  return ref !== null && ref.inferred && (ref.confidence ?? 0) < FIRM_REFERENCE && t.implied.some((p) => CALENDAR_PARTS.has(p));
}

interface Draft extends TimelineEvent {
  words: Set<string>;
}

/** Builds the story timeline, sorted by date (unresolved events last, in reading order). */
export function buildTimeline(articles: readonly CrossArticle[]): TimelineEvent[] {
  const events: Draft[] = [];
  for (const a of articles) {
    const x = a.extraction;
    if (!x || x.timexes.length === 0) continue;
    const doc = prepareDoc({ id: a.id, text: a.text });
    const seen = new Set<number>();
    for (const t of x.timexes) {
      if (t.type !== 'DATE' || t.value === 'PRESENT_REF' || t.value.endsWith('_REF')) continue;
      const si = sentenceAt(doc.sentences, t.start);
      if (si < 0 || seen.has(si)) continue;
      seen.add(si);
      const s = doc.sentences[si]!;
      // an opening dateline ("PORT ALDER — ") is not part of what happened
      const start = startsLine(a.text, s.start) ? s.start + datelineLength(a.text.slice(s.start, s.end)) : s.start;
      if (t.start < start) continue;
      const text = a.text.slice(start, s.end).replace(/\s+/g, ' ').trim();
      // a wire photo caption dates the picture, not an event
      if (isPhotoCaption(text)) continue;
      const resolved = RESOLVED.test(t.value);
      const when = resolved ? t.value : t.text;
      const words = bag(text);
      const approx = resolved && approximate(t, x.published);
      const same = events.find((e) => e.when === when && e.resolved === resolved && dice(e.words, words) >= SAME_EVENT);
      const cite = { articleId: a.id, start, end: s.end };
      if (same) {
        if (!same.citations.some((c) => c.articleId === a.id && c.start === start)) same.citations.push(cite);
        // one article dating the event firmly is enough
        if (!approx) delete same.approximate;
        continue;
      }
      events.push({ when, resolved, ...(approx ? { approximate: true } : {}), what: text.length > MAX_WHAT ? text.slice(0, MAX_WHAT - 1) + '…' : text, citations: [cite], words });
    }
  }
  const order = events.map((e, i) => ({ e, i }));
  order.sort((p, q) => {
    if (p.e.resolved !== q.e.resolved) return p.e.resolved ? -1 : 1;
    if (p.e.resolved && p.e.when !== q.e.when) return p.e.when < q.e.when ? -1 : 1;
    return p.i - q.i;
  });
  return order.map(({ e }) => ({ when: e.when, resolved: e.resolved, ...(e.approximate ? { approximate: true } : {}), what: e.what, citations: e.citations }));
}
