// Imported by the long-running processes (the web server, the job worker). When whoever reads
// their output goes away (the terminal closed, the parent that piped it died), the next log line
// fails with EPIPE. Unheard, that error is an uncaught exception; Next.js logs uncaught exceptions
// to the same closed stream, which fails again, and so on: a loop that spins a core forever while
// requests wait. Lines nobody can read are dropped instead, and the process goes on serving.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", () => {
    // The reader is gone; there is nowhere left to say so.
  });
}
export {};
