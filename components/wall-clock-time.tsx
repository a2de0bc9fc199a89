import { describeDistance, formatWallClock } from "@/lib/wall-clock-format";

/** A site wall-clock time with its day of week and how far it is from now. */
export function WallClockTime({ value, now }: { value: string | null; now: string }) {
  if (!value) return <span className="text-slate-500">—</span>;
  return (
    <span>
      <time dateTime={value} className="font-mono text-[0.8rem] whitespace-nowrap">
        {formatWallClock(value)}
      </time>{" "}
      <span className="text-xs whitespace-nowrap text-slate-500">({describeDistance(value, now)})</span>
    </span>
  );
}
