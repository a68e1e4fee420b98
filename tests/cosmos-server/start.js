// Starts @vercel/cosmosdb-server for the storage contract tests.
// Usage: node start.js --port <port, 0 for any> --cert <cert.pem> --key <key.pem>
// Listens on 127.0.0.1 only, with the caller's certificate (the package's own has expired)
// and keep-alive (its command-line starter closes the connection after every request).
// Transactional batches from the .NET SDK are run by hybrid-row-batch.js instead of the package's JSON batch.
// A point read of a missing item answers 404, as Cosmos DB does (the package fails with 500 on it).
// Prints "listening <port>" once ready; exits when stdin closes, so it never outlives the tests.
"use strict";
const fs = require("fs");
const routes = require("@vercel/cosmosdb-server/lib/routes");
const { createHttpsServer } = require("@vercel/cosmosdb-server");
const readDocument = require("@vercel/cosmosdb-server/lib/handler/read-document").default;
const { readOperation } = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
const partitionFromHeader = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header").default;
const hybridRowBatch = require("./hybrid-row-batch");

// The package's point read looks at a field of the item before checking that it exists.
function readDocumentOrNotFound(account, req, res, params) {
  const collection = account.database(params.dbId).collection(params.collId);
  if (collection.read()) {
    const found = readOperation(collection, { partitionKey: partitionFromHeader(req), id: params.docId });
    if (found.statusCode === 404) {
      res.statusCode = 404;
      return found.body;
    }
  }
  return readDocument(account, req, res, params);
}

// The package looks its routes up on this module for every request.
const packageRoutes = routes.default;
routes.default = req => {
  const route = packageRoutes(req);
  if (route && hybridRowBatch.isBatchRequest(req)) return [route[0], hybridRowBatch.handle];
  if (route && route[1] === readDocument) return [route[0], readDocumentOrNotFound];
  return route;
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
