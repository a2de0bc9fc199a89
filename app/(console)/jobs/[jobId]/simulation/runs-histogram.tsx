import type { SimulationSummary } from "@/lib/simulation/summarise-simulations";
import { weekdayOf } from "@/lib/wall-clock-format";

/** How many targets first run the command on each day, as bars. */
export function RunsHistogram({ summary, label }: { summary: SimulationSummary; label: string }) {
  if (summary.runsByDay.length === 0) return <p className="text-sm text-slate-600">No target runs the command in the simulated window.</p>;
  const highest = Math.max(...summary.runsByDay.map((entry) => entry.count));
  const barWidth = 44;
  const height = 120;
  return (
    <svg viewBox={`0 0 ${summary.runsByDay.length * barWidth + 10} ${height + 34}`} className="max-h-48 w-full max-w-3xl" role="img" aria-label={label}>
      {summary.runsByDay.map((entry, index) => {
        const barHeight = Math.max(2, (entry.count / highest) * height);
        const x = 5 + index * barWidth;
        return (
          <g key={entry.day}>
            <rect x={x + 4} y={height - barHeight + 12} width={barWidth - 8} height={barHeight} className="fill-blue-500">
              <title>{`${entry.count} first runs on ${weekdayOf(`${entry.day}T00:00:00`)} ${entry.day}`}</title>
            </rect>
            <text x={x + barWidth / 2} y={height - barHeight + 9} textAnchor="middle" className="fill-slate-700 text-[10px]">
              {entry.count}
            </text>
            <text x={x + barWidth / 2} y={height + 26} textAnchor="middle" className="fill-slate-600 text-[9px]">
              {entry.day.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
