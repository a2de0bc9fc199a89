const TONES = {
  neutral: "bg-slate-100 text-slate-700 border-slate-200",
  good: "bg-green-50 text-green-800 border-green-200",
  warn: "bg-amber-50 text-amber-800 border-amber-200",
  bad: "bg-red-50 text-red-800 border-red-200",
  info: "bg-blue-50 text-blue-800 border-blue-200",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
