// Run by npm after installing Azurite (package.json "postinstall"). Fixes performance bugs of Azurite's queue
// service, pinned to the version in package.json, so that the local host and the benchmark measure RapidResponse
// rather than the emulator. None changes what a queue operation answers, only what it costs.
//
// 1. Before every queue operation Azurite removes the queue's expired messages. When there are none it still calls
//    LokiJS's remove() with an empty list, which flags every index of the messages collection dirty, and the next
//    query re-sorts each of them: every queue operation cost O(n log n) over all messages of all queues. With a
//    thousand escalation messages waiting, the queue service saturated a core and sends slowed to ~60 a second.
// 2. Every query of the messages collection names the account first. LokiJS narrows a query by the index of its
//    first property only, and every message has the same account, so each receive, peek, expiry check (before
//    every operation) and count scanned every message of every queue: a poll of an empty queue cost as much as
//    the 10,000 messages of a large fan-out on another. Naming the queue first narrows it to that queue's messages.
"use strict";

const fs = require("fs");
const path = require("path");

const file = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "queue", "persistence", "LokiQueueMetadataStore.js");

const patches = [
  {
    what: "no index rebuild when no message has expired",
    original: "            .find(query)\n            .data();\n        coll.remove(docs);\n    }",
    patched: "            .find(query)\n            .data();\n        if (docs.length > 0) {\n            coll.remove(docs);\n        }\n    }",
    count: 1,
  },
  {
    what: "receives and peeks narrowed to their queue",
    original: "        const query = {\n            accountName: account,\n            queueName: queue,\n            timeNextVisible: { $lte: queryTime }\n        };",
    patched: "        const query = {\n            queueName: queue,\n            accountName: account,\n            timeNextVisible: { $lte: queryTime }\n        };",
    count: 2,
  },
  {
    what: "expiry checks narrowed to their queue",
    original: "        const query = {\n            accountName: account,\n            queueName: queue,\n            expirationTime: { $lte: queryTime }\n        };",
    patched: "        const query = {\n            queueName: queue,\n            accountName: account,\n            expirationTime: { $lte: queryTime }\n        };",
    count: 1,
  },
  {
    what: "counts narrowed to their queue",
    original: "        const query = { accountName: account, queueName: queue };",
    patched: "        const query = { queueName: queue, accountName: account };",
    count: 1,
  },
];

function occurrences(text, part) {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    count++;
  }
  return count;
}

let source = fs.readFileSync(file, "utf8");
const applied = [];
for (const patch of patches) {
  if (occurrences(source, patch.patched) === patch.count) {
    continue;
  }

  if (occurrences(source, patch.original) !== patch.count) {
    console.error(`scripts/patch-azurite.js: ${file} is not the Azurite this patch was written for (${patch.what}); update the patch with the version in package.json.`);
    process.exit(1);
  }

  source = source.split(patch.original).join(patch.patched);
  applied.push(patch.what);
}

if (applied.length > 0) {
  fs.writeFileSync(file, source);
  console.log(`Patched Azurite's queue service: ${applied.join("; ")}.`);
}
