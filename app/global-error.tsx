"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: "2.5rem" }}>
        <h1>SMS Console could not start this page</h1>
        <p>Reload the page; if it keeps failing, check the server log{error.digest ? ` for reference ${error.digest}` : ""}.</p>
      </body>
    </html>
  );
}
