/** Reports received per hour as stacked bars, in plain SVG: applied, held (clock skew), refused. */
export function ReportsChart({ buckets }: { buckets: { hour: string; applied: number; refused: number; held: number }[] }) {
  if (buckets.length === 0) return <p className="text-sm text-slate-600">No report has been received yet.</p>;
  const shown = buckets.slice(-48);
  const width = 640;
  const height = 160;
  const gap = 2;
  const barWidth = Math.max(4, Math.floor((width - 40) / shown.length) - gap);
  const peak = Math.max(...shown.map((bucket) => bucket.applied + bucket.refused + bucket.held), 1);
  const scale = (count: number) => (count / peak) * (height - 30);
  const total = shown.reduce((sum, bucket) => sum + bucket.applied + bucket.refused + bucket.held, 0);
  return (
    <figure>
      <svg role="img" aria-label={`Reports received per hour: ${total} in the ${shown.length} hours shown, at most ${peak} in one hour`} viewBox={`0 0 ${width} ${height}`} className="h-40 w-full max-w-2xl">
        <line x1={36} y1={height - 20} x2={width} y2={height - 20} stroke="#cbd5e1" />
        <text x={0} y={12} fontSize={10} fill="#475569">
          {peak}
        </text>
        <text x={0} y={height - 22} fontSize={10} fill="#475569">
          0
        </text>
        {shown.map((bucket, index) => {
          const x = 40 + index * (barWidth + gap);
          let y = height - 20;
          const parts = [
            { count: bucket.applied, color: "#16a34a", label: "applied" },
            { count: bucket.held, color: "#d97706", label: "held" },
            { count: bucket.refused, color: "#dc2626", label: "refused" },
          ];
          return (
            <g key={bucket.hour}>
              <title>{`${bucket.hour.replace("T", " ")}:00 — ${bucket.applied} applied, ${bucket.held} held, ${bucket.refused} refused`}</title>
              {parts.map((part) => {
                if (part.count === 0) return null;
                const barHeight = Math.max(1, scale(part.count));
                y -= barHeight;
                return <rect key={part.label} x={x} y={y} width={barWidth} height={barHeight} fill={part.color} />;
              })}
            </g>
          );
        })}
        <text x={40} y={height - 6} fontSize={10} fill="#475569">
          {shown[0]!.hour.replace("T", " ")}:00
        </text>
        <text x={width} y={height - 6} fontSize={10} fill="#475569" textAnchor="end">
          {shown.at(-1)!.hour.replace("T", " ")}:00
        </text>
      </svg>
      <figcaption className="text-xs text-slate-600">
        Reports received per hour (console time): <span className="text-green-700">applied</span>, <span className="text-amber-700">held for clock skew</span>, <span className="text-red-700">refused</span>.
      </figcaption>
    </figure>
  );
}
