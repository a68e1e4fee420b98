// Transactional batches as the Cosmos DB .NET SDK sends them, for @vercel/cosmosdb-server (which reads
// only the JSON batches of the JavaScript SDK, one operation after the other, without rollback).
//
// The .NET SDK sends a batch as a HybridRow RecordIO stream: a segment header row, then one record per
// operation (a record header row with the body's length and CRC-32, then a BatchOperation row) and reads
// the answer in the same framing with BatchResult rows. The row layouts are those of
// Microsoft.Azure.Cosmos/src/Batch/HybridRowBatchSchemas.json; the encoding is HybridRow's
// (github.com/microsoft/HybridRow): a version byte and a schema id, one presence bit per nullable
// schematized field, fixed fields, length-prefixed variable fields, then sparse fields, each a type code,
// a path token (the property's 1-based position in the schema) and a value.
//
// The batch runs as Cosmos DB runs it: in order, all or nothing. When an operation fails, the
// collection is put back as it was before the batch, the failed operation answers its own status and
// every other one 424 (failed dependency), and the batch answers 207 (multi-status).
"use strict";
const documentOperations = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
const { parsePartitionKey } = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header");

const HYBRID_ROW_V1 = 0x81;
const SEGMENT_SCHEMA = 2147473648;
const RECORD_SCHEMA = 2147473649;
const OPERATION_SCHEMA = 2145473648;
const RESULT_SCHEMA = 2145473649;

// HybridRow layout codes of the sparse values a BatchOperation carries, and of requestCharge in a result.
const BOOLEAN_FALSE = 2;
const BOOLEAN_TRUE = 3;
const INT32 = 7;
const FLOAT64 = 16;
const UTF8 = 20;

// BatchOperation: operationType and resourceType (int32, fixed), then the variable fields in schema order,
// each behind its presence bit; then the sparse fields by path token.
const OPERATION_VARIABLE_FIELDS = [
  ["partitionKey", 2, "utf8"],
  ["effectivePartitionKey", 3, "binary"],
  ["id", 4, "utf8"],
  ["binaryId", 5, "binary"],
  ["resourceBody", 6, "binary"],
];
const OPERATION_SPARSE_FIELDS = {
  8: "indexingDirective",
  9: "ifMatch",
  10: "ifNoneMatch",
  11: "timeToLiveInSeconds",
  12: "minimalReturnPreference",
};
const REQUEST_CHARGE_TOKEN = 6;

// Microsoft.Azure.Documents.OperationType values.
const OPERATIONS = {
  0: "Create",
  2: "Read",
  4: "Delete",
  5: "Replace",
  20: "Upsert",
};
const DOCUMENT_RESOURCE = 2;

function isBatchRequest(req) {
  const header = req.headers["x-ms-cosmos-is-batch-request"];
  return req.method === "POST" && typeof header === "string" && header.toLowerCase() === "true";
}

async function handle(account, req, res, { dbId, collId }) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const collection = account.database(dbId).collection(collId);
  if (!collection.read()) {
    res.statusCode = 404;
    return { message: `Collection ${collId} does not exist.` };
  }

  let operations;
  try {
    operations = readOperations(Buffer.concat(chunks));
  } catch (err) {
    res.statusCode = 400;
    return { message: `Not a HybridRow batch this server reads: ${err.message}` };
  }

  const { status, results } = runAtomically(collection, operations, req.headers["x-ms-documentdb-partitionkey"]);
  res.statusCode = status;
  const payload = writeResults(results);
  // The server answers every route with the JSON of what its handler returns; a batch answers HybridRow.
  const end = res.end.bind(res);
  res.end = () => end(payload);
  return {};
}

function runAtomically(collection, operations, partitionKey) {
  const items = collection.documents;
  const before = { data: new Map(items._data), index: new Map(items._index), ridCount: items._ridCount };
  const results = [];
  for (let i = 0; i < operations.length; i += 1) {
    let result;
    try {
      result = run(collection, operations[i], partitionKey);
    } catch (err) {
      result = { statusCode: 500, body: { code: "InternalServerError", message: err.message } };
    }
    if (result.statusCode >= 400) {
      items._data = before.data;
      items._index = before.index;
      items._ridCount = before.ridCount;
      const failed = { statusCode: result.statusCode, resourceBody: result.body };
      return { status: 207, results: operations.map((_, j) => (j === i ? failed : { statusCode: 424 })) };
    }
    results.push({
      statusCode: result.statusCode,
      eTag: result.body ? result.body._etag : undefined,
      resourceBody: operations[i].minimalReturnPreference ? undefined : result.body,
    });
  }
  return { status: 200, results };
}

function run(collection, operation, partitionKey) {
  const type = OPERATIONS[operation.operationType];
  if (!type || operation.resourceType !== DOCUMENT_RESOURCE) {
    return badRequest(`operation type ${operation.operationType} on resource type ${operation.resourceType} is not supported in a batch here`);
  }
  if (operation.ifNoneMatch || operation.timeToLiveInSeconds !== undefined) {
    return badRequest("ifNoneMatch and timeToLiveInSeconds are not supported in a batch here");
  }
  const input = {
    partitionKey: operation.partitionKey || partitionKey,
    id: operation.id,
    ifMatch: operation.ifMatch,
    resourceBody: operation.resourceBody ? JSON.parse(operation.resourceBody.toString("utf8")) : undefined,
  };
  if (input.resourceBody) {
    const documentPartition = collection.documents._getPartition(input.resourceBody);
    if (documentPartition !== parsePartitionKey(input.partitionKey, input.resourceBody.id)) {
      return badRequest("the document's partition key is not the batch's");
    }
    if (input.id && input.id !== input.resourceBody.id) {
      return badRequest("the operation's id is not the document's");
    }
    input.id = input.resourceBody.id;
  }
  return documentOperations[`${type.toLowerCase()}Operation`](collection, input);
}

function badRequest(message) {
  return { statusCode: 400, body: { code: "BadRequest", message } };
}

function readOperations(body) {
  const operations = [];
  let position = expectHeader(body, 0, SEGMENT_SCHEMA);
  // The segment header's one field, its own length, says where the records start.
  position = body.readInt32LE(position + 1);
  while (position < body.length) {
    position = expectHeader(body, position, RECORD_SCHEMA);
    const length = body.readInt32LE(position);
    const crc = body.readUInt32LE(position + 4);
    const row = body.subarray(position + 8, position + 8 + length);
    if (row.length !== length || crc32(row) !== crc) {
      throw new Error(`record at byte ${position} is cut short or fails its CRC`);
    }
    operations.push(readOperation(row));
    position += 8 + length;
  }
  if (operations.length === 0) throw new Error("the batch has no operations");
  return operations;
}

function readOperation(row) {
  let position = expectHeader(row, 0, OPERATION_SCHEMA);
  const presence = row[position];
  const operation = { operationType: row.readInt32LE(position + 1), resourceType: row.readInt32LE(position + 5) };
  position += 9;
  for (const [name, bit, kind] of OPERATION_VARIABLE_FIELDS) {
    if (presence & (1 << bit)) {
      const [length, start] = readVarUInt(row, position);
      const value = row.subarray(start, start + length);
      operation[name] = kind === "utf8" ? value.toString("utf8") : value;
      position = start + length;
    }
  }
  while (position < row.length) {
    const code = row[position];
    const [token, start] = readVarUInt(row, position + 1);
    const name = OPERATION_SPARSE_FIELDS[token];
    if (!name) throw new Error(`unknown sparse field ${token} at byte ${position}`);
    position = start;
    switch (code) {
      case BOOLEAN_TRUE:
      case BOOLEAN_FALSE:
        operation[name] = code === BOOLEAN_TRUE;
        break;
      case INT32:
        operation[name] = row.readInt32LE(position);
        position += 4;
        break;
      case UTF8: {
        const [length, from] = readVarUInt(row, position);
        operation[name] = row.subarray(from, from + length).toString("utf8");
        position = from + length;
        break;
      }
      default:
        throw new Error(`unexpected layout code ${code} for ${name}`);
    }
  }
  return operation;
}

function expectHeader(buffer, position, schema) {
  if (buffer[position] !== HYBRID_ROW_V1 || buffer.readInt32LE(position + 1) !== schema) {
    throw new Error(`expected a HybridRow v1 row of schema ${schema} at byte ${position}`);
  }
  return position + 5;
}

function readVarUInt(buffer, position) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buffer[position];
    if (byte === undefined) throw new Error("variable-length integer runs past the end");
    position += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, position];
    shift += 7;
  }
}

function writeResults(results) {
  const segment = Buffer.concat([rowHeader(SEGMENT_SCHEMA), Buffer.from([0x01]), int32(10)]);
  const records = results.map(result => {
    const row = writeResult(result);
    return Buffer.concat([rowHeader(RECORD_SCHEMA), int32(row.length), uint32(crc32(row)), row]);
  });
  return Buffer.concat([segment, ...records]);
}

// BatchResult: statusCode and subStatusCode (int32, fixed), eTag and resourceBody (variable), requestCharge (sparse).
function writeResult({ statusCode, eTag, resourceBody }) {
  const parts = [rowHeader(RESULT_SCHEMA)];
  const eTagBytes = eTag ? Buffer.from(eTag, "utf8") : null;
  const bodyBytes = resourceBody ? Buffer.from(JSON.stringify(resourceBody), "utf8") : null;
  parts.push(Buffer.from([0b0011 | (eTagBytes ? 0b0100 : 0) | (bodyBytes ? 0b1000 : 0)]));
  parts.push(int32(statusCode), int32(0));
  for (const bytes of [eTagBytes, bodyBytes]) {
    if (bytes) parts.push(varUInt(bytes.length), bytes);
  }
  const charge = Buffer.alloc(8);
  charge.writeDoubleLE(statusCode < 400 ? 1 : 0);
  parts.push(Buffer.from([FLOAT64]), varUInt(REQUEST_CHARGE_TOKEN), charge);
  return Buffer.concat(parts);
}

// CRC-32 (IEEE, as zlib computes it) of a record's body; zlib.crc32 itself needs Node 20.15 or later.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function rowHeader(schema) {
  return Buffer.concat([Buffer.from([HYBRID_ROW_V1]), int32(schema)]);
}

function int32(value) {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}

function uint32(value) {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function varUInt(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}

module.exports = { isBatchRequest, handle };
