import type { SimulationEvent } from "@/lib/simulation/simulation-result";
import type { SimulationWindow } from "@/lib/simulation/simulation-input";
import { epochMsToWallClock, wallClockToEpochMs } from "@/lib/wall-clock";
import { formatWallClock } from "@/lib/wall-clock-format";

const WIDTH = 1000;
const LANES = { desktop: 34, service: 64, job: 94 } as const;

const MARKS: Partial<Record<SimulationEvent["kind"], { label: string; className: string }>> = {
  offered: { label: "offered", className: "fill-blue-600" },
  "countdown-started": { label: "5-minute countdown", className: "fill-amber-500" },
  ran: { label: "ran", className: "fill-green-600" },
  expired: { label: "expired (.sni written)", className: "fill-slate-800" },
  canceled: { label: "canceled", className: "fill-red-600" },
  "semaphore-timeout": { label: "semaphore time-out", className: "fill-red-500" },
  "semaphore-busy": { label: "semaphore busy", className: "fill-orange-500" },
  "skipped-service-only": { label: "skipped: service only", className: "fill-purple-600" },
  "not-run-by-service": { label: "not run by the service", className: "fill-purple-800" },
  "no-logon-server": { label: "no logon server", className: "fill-red-700" },
  "rerun-risk": { label: "re-run risk", className: "fill-rose-600" },
};

/** One client's simulated polls, offer, countdown, runs and expiry on one time axis. */
export function ClientTimeline({ events, window }: { events: SimulationEvent[]; window: SimulationWindow }) {
  const start = wallClockToEpochMs(window.from);
  const end = Math.max(start + 60_000, wallClockToEpochMs(window.to));
  const x = (at: string) => 10 + ((wallClockToEpochMs(at) - start) / (end - start)) * (WIDTH - 20);
  // A run of identical polls is one event; it is drawn as a band from its first poll to its last.
  const pollRuns = events.flatMap((event) =>
    event.kind === "poll" ? [{ from: event.at, to: epochMsToWallClock(wallClockToEpochMs(event.at) + (event.count - 1) * event.everyMinutes * 60_000), lane: event.process, count: event.count, every: event.everyMinutes }] : [],
  );
  const marks = events.filter((event) => MARKS[event.kind]);
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} 120`} className="w-full" role="img" aria-label="Simulated timeline">
        <text x={10} y={LANES.desktop - 10} className="fill-slate-500 text-[10px]">
          Desktop PCM polls
        </text>
        <text x={10} y={LANES.service - 10} className="fill-slate-500 text-[10px]">
          PCM service polls
        </text>
        {pollRuns.map((run, index) => (
          <rect key={index} x={x(run.from) - 1} y={LANES[run.lane] - 4} width={Math.max(2, x(run.to) - x(run.from) + 2)} height={8} className="fill-slate-300">
            <title>{run.count === 1 ? `poll ${formatWallClock(run.from)}` : `${run.count} polls every ${run.every} minutes from ${formatWallClock(run.from)}`}</title>
          </rect>
        ))}
        {marks.map((event, index) => {
          const mark = MARKS[event.kind]!;
          const endsAt = event.kind === "ran" ? event.endsAt : null;
          return (
            <g key={index}>
              {endsAt && <rect x={x(event.at)} y={LANES.job - 3} width={Math.max(2, x(endsAt) - x(event.at))} height={6} className="fill-green-300" />}
              <circle cx={x(event.at)} cy={LANES.job} r={5} className={mark.className}>
                <title>{`${mark.label}: ${formatWallClock(event.at)}`}</title>
              </circle>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600">
        {[...new Set(marks.map((event) => event.kind))].map((kind) => (
          <span key={kind}>
            <svg viewBox="0 0 10 10" className="inline size-3">
              <circle cx={5} cy={5} r={4} className={MARKS[kind]!.className} />
            </svg>{" "}
            {MARKS[kind]!.label}
          </span>
        ))}
        <span>
          {formatWallClock(window.from)} to {formatWallClock(window.to)} (site wall clock)
        </span>
      </figcaption>
    </figure>
  );
}
