// "Did you mean …?": the known names nearest to a mistyped one, by edit
// distance, so an error can suggest a fix instead of listing every choice.
import { distance } from 'fastest-levenshtein';

/**
 * The choices within a few edits of `given` (about a third of its length, at
 * least 2), nearest first; a choice that contains `given`, or is contained in
 * it, counts as near too. At most `max` of them.
 *
 * @example closestNames('conversion', ['conversions', 'cvr', 'cost']) // → ['conversions']
 */
export function closestNames(given: string, choices: Iterable<string>, max = 3): string[] {
  const text = given.toLowerCase();
  const limit = Math.max(2, Math.floor(text.length / 3));
  const scored: [string, number][] = [];
  for (const choice of choices) {
    const lower = choice.toLowerCase();
    const d = distance(text, lower);
    const overlap = text.length >= 3 && (lower.includes(text) || text.includes(lower));
    if (d <= limit || overlap) scored.push([choice, overlap ? Math.min(d, limit) : d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([choice]) => choice);
}

/** " — did you mean a or b?", or "" when nothing is near. */
export function didYouMean(given: string, choices: Iterable<string>): string {
  const near = closestNames(given, choices);
  if (near.length === 0) return '';
  return `; did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`}?`;
}
