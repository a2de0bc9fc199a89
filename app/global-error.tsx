"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      {/* No inline style: the Content-Security-Policy allows none. */}
      <body>
        <h1>SMS Console could not start this page</h1>
        <p>Reload the page; if it keeps failing, check the server log{error.digest ? ` for reference ${error.digest}` : ""}.</p>
      </body>
    </html>
  );
}
