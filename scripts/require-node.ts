// Imported first by `npm start` and `npm test`: a Node.js older than package.json's `engines`
// stops here with one line, instead of failing later in a library that needs a newer runtime.
// npm's scripts run on the Node.js pinned in package.json (node_modules/.bin/node), so this only
// trips when someone runs a script with their machine's own, older node.
import { readFileSync } from "node:fs";

const { engines } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { engines: { node: string } };
const required = Number(/\d+/.exec(engines.node)?.[0]);
const running = Number(process.versions.node.split(".")[0]);
if (running < required) {
  console.error(
    `Maghreb Monitor needs Node.js ${required} or newer; this is ${process.version} (${process.execPath}). ` +
      `Run it through npm (npm start, npm test), which uses the Node.js ${required} installed in node_modules, or install Node.js ${required}.`,
  );
  process.exit(1);
}
