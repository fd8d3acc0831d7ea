// Re-planning and uncertainty in the scramble panel (issue #19): the latest plan's intercept time
// with its "± min" interval, the advice (abort / return) the workflow gives when the intercept became
// impossible, a proposed hand-over and the fuel state. Read from the scramble's view (api/scrambles).

const hhmm = iso => (iso ? `${iso.slice(11, 16)}Z` : '');

/** "± 1.5 min" from a plan's plusMinusS, or ''. */
export function plusMinus(plan) {
  return plan?.plusMinusS != null ? ` ± ${(plan.plusMinusS / 60).toFixed(1)} min` : '';
}

/** One line for a scramble (a DOM element), or null when there is nothing to add. */
export function replanLine(s) {
  const parts = [];
  const latest = s.latest ?? s.plan;
  if (latest?.feasible) {
    parts.push(`now ${hhmm(latest.interceptAt)}${plusMinus(latest)}${latest.levelAssumed ? ' (level assumed)' : ''}`);
  } else if (latest && latest.feasible === false) {
    parts.push(`no intercept now: ${latest.reason ?? '?'}`);
  }
  if (s.advice) parts.push(`advice: ${s.advice.advice} (${s.advice.reason})`);
  if (s.handOver) parts.push(`hand-over proposed to ${s.handOver.toNation}${s.handOver.toUnit ? ` ${s.handOver.toUnit}` : ''}`);
  if (s.fuel) parts.push(`fuel used ${Math.round(s.fuel.used * 100)} %${s.fuel.bingo ? ' BINGO' : ''}`);
  if (!parts.length) return null;
  const div = document.createElement('div');
  div.className = s.advice ? 'scramble-replan advised' : 'scramble-replan';
  div.textContent = parts.join(' · ');
  return div;
}
