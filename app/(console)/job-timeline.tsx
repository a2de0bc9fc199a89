import Link from "next/link";
import type { DashboardJob } from "@/lib/data/console/dashboard";
import { wallClockToEpochMs } from "@/lib/wall-clock";
import { formatWallClock } from "@/lib/wall-clock-format";

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 90;
const CHART_WIDTH = 1100;
const DAY = 86_400_000;
/** The chart shows two weeks back and eight weeks ahead; dates beyond sit at the edge. */
const WINDOW_BEFORE = 14 * DAY;
const WINDOW_AFTER = 56 * DAY;

/** Offer, mandatory and expire dates of each job on one time axis, with today marked. */
export function JobTimeline({ jobs, now }: { jobs: DashboardJob[]; now: string }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-600">No pending or active job has an Offer After date.</p>;
  const times = jobs.flatMap((job) => [job.activateAt, job.offerAfter, job.mandatoryAfter, job.expireAfter].filter((value): value is string => Boolean(value)).map(wallClockToEpochMs));
  const nowMs = wallClockToEpochMs(now);
  const start = Math.max(nowMs - WINDOW_BEFORE, Math.min(nowMs - DAY, ...times));
  const end = Math.min(nowMs + WINDOW_AFTER, Math.max(nowMs + DAY, ...times));
  const x = (ms: number) => LABEL_WIDTH + ((Math.min(Math.max(ms, start), end) - start) / (end - start)) * (CHART_WIDTH - LABEL_WIDTH - 16);
  const height = jobs.length * ROW_HEIGHT + 30;
  return (
    <figure>
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} className="w-full" role="img" aria-labelledby="timeline-title">
        <title id="timeline-title">Offer, mandatory and expiry dates of pending and active jobs</title>
        <line x1={x(nowMs)} x2={x(nowMs)} y1={0} y2={height - 20} className="stroke-red-500" strokeDasharray="4 3" />
        <text x={x(nowMs)} y={height - 6} textAnchor="middle" className="fill-red-600 text-[10px]">
          now
        </text>
        {jobs.map((job, index) => {
          const y = index * ROW_HEIGHT + 14;
          const offer = job.offerAfter ? x(wallClockToEpochMs(job.offerAfter)) : null;
          const mandatory = job.mandatoryAfter ? x(wallClockToEpochMs(job.mandatoryAfter)) : null;
          const expiry = job.expireAfter ? x(wallClockToEpochMs(job.expireAfter)) : null;
          const activation = job.activateAt ? x(wallClockToEpochMs(job.activateAt)) : null;
          const lineEnd = expiry ?? CHART_WIDTH - 16;
          return (
            <g key={job.jobId}>
              <Link href={`/jobs/${job.jobId}`}>
                <text x={4} y={y + 4} className="fill-blue-700 font-mono text-[12px]">
                  {job.jobId}
                </text>
              </Link>
              {offer !== null && <line x1={offer} x2={lineEnd} y1={y} y2={y} className={job.state === "PENDING" ? "stroke-slate-300" : "stroke-blue-300"} strokeWidth={4} />}
              {offer !== null && (
                <circle cx={offer} cy={y} r={5} className="fill-blue-600">
                  <title>{`${job.jobId} offered ${formatWallClock(job.offerAfter!)}`}</title>
                </circle>
              )}
              {activation !== null && (
                <polygon points={`${activation - 6},${y + 6} ${activation + 6},${y + 6} ${activation},${y - 6}`} className="fill-green-600">
                  <title>{`${job.jobId} activates ${formatWallClock(job.activateAt!)}`}</title>
                </polygon>
              )}
              {mandatory !== null && (
                <rect x={mandatory - 5} y={y - 5} width={10} height={10} transform={`rotate(45 ${mandatory} ${y})`} className="fill-amber-500">
                  <title>{`${job.jobId} mandatory ${formatWallClock(job.mandatoryAfter!)}`}</title>
                </rect>
              )}
              {expiry !== null && (
                <rect x={expiry - 4} y={y - 6} width={8} height={12} className="fill-slate-700">
                  <title>{`${job.jobId} expires ${formatWallClock(job.expireAfter!)}`}</title>
                </rect>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-600">
        <span className="text-green-700">▲ Activation (Schedule)</span>
        <span>● Offer After</span>
        <span className="text-amber-600">◆ Mandatory After</span>
        <span>■ Expire After</span>
        <span>
          {formatWallClock(new Date(start).toISOString().slice(0, 19))} to {formatWallClock(new Date(end).toISOString().slice(0, 19))}; earlier and later dates sit at the edges
        </span>
      </figcaption>
    </figure>
  );
}
