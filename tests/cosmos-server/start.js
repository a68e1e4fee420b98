// Starts @vercel/cosmosdb-server for the storage contract tests.
// Usage: node start.js --port <port, 0 for any> --cert <cert.pem> --key <key.pem>
// Listens on 127.0.0.1 only, with the caller's certificate (the package's own has expired)
// and keep-alive (its command-line starter closes the connection after every request).
// Transactional batches from the .NET SDK are run by hybrid-row-batch.js instead of the package's JSON batch.
// Prints "listening <port>" once ready; exits when stdin closes, so it never outlives the tests.
"use strict";
const fs = require("fs");
const routes = require("@vercel/cosmosdb-server/lib/routes");
const { createHttpsServer } = require("@vercel/cosmosdb-server");
const hybridRowBatch = require("./hybrid-row-batch");

// The package looks its routes up on this module for every request.
const packageRoutes = routes.default;
routes.default = req => {
  const route = packageRoutes(req);
  return route && hybridRowBatch.isBatchRequest(req) ? [route[0], hybridRowBatch.handle] : route;
};

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0 || index + 1 >= process.argv.length) {
    console.error(`missing --${name}`);
    process.exit(2);
  }
  return process.argv[index + 1];
}

const server = createHttpsServer({
  cert: fs.readFileSync(argument("cert")),
  key: fs.readFileSync(argument("key")),
  keepAlive: true,
});
server.keepAliveTimeout = 60000;
server.listen(Number(argument("port")), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
