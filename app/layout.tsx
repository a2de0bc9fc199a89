import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SMS Console", template: "%s · SMS Console" },
  description: "Packages, workstation command lines, jobs and PCM instruction files for Microsoft SMS 1.2",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
