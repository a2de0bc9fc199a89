import type { ComponentProps } from "react";

export function Table({ className = "", ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table {...props} className={`min-w-full divide-y divide-slate-200 text-sm ${className}`} />
    </div>
  );
}

export function Th({ className = "", ...props }: ComponentProps<"th">) {
  return <th scope="col" {...props} className={`bg-slate-100 px-3 py-2 text-left font-semibold text-slate-700 ${className}`} />;
}

export function Td({ className = "", ...props }: ComponentProps<"td">) {
  return <td {...props} className={`border-t border-slate-100 px-3 py-1.5 align-top ${className}`} />;
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-6 text-center text-slate-600">
        {children}
      </td>
    </tr>
  );
}
