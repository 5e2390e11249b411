// Run by npm after installing Azurite (package.json "postinstall"). Fixes performance bugs of Azurite's queue and
// table services, pinned to the version in package.json, so that the local host and the benchmark measure
// RapidResponse rather than the emulator. None changes what an operation answers, only what it costs.
//
// 1. Before every queue operation Azurite removes the queue's expired messages. When there are none it still calls
//    LokiJS's remove() with an empty list, which flags every index of the messages collection dirty, and the next
//    query re-sorts each of them: every queue operation cost O(n log n) over all messages of all queues. With a
//    thousand escalation messages waiting, the queue service saturated a core and sends slowed to ~60 a second.
// 2. Every query of the messages collection names the account first. LokiJS narrows a query by the index of its
//    first property only, and every message has the same account, so each receive, peek, expiry check (before
//    every operation) and count scanned every message of every queue: a poll of an empty queue cost as much as
//    the 10,000 messages of a large fan-out on another. Naming the queue first narrows it to that queue's messages.
// 3. A receive marks its messages invisible with one update() of the whole batch, and LokiJS answers a batch update
//    by re-sorting every index of the collection: every receive sorted all messages of all queues, four times. The
//    messages are updated one by one instead, each index adjusted in place.
// 4. Before every queue operation Azurite scans the queue's messages for expired ones: every put, receive and
//    delete of a 10,000-message fan-out read all the messages still waiting. The store now remembers, per queue, a
//    time before which none of its messages can expire (the earliest expiry it saw, lowered by each insert), and
//    scans only once that time has come. Messages expire exactly as before.
// 5. The table service finds an entity by RowKey first, then PartitionKey, the same way: for a table whose rows share
//    one RowKey under many partitions (RecipientLinks, one row per link), every read and write scanned every link
//    ever issued. Each point lookup now names first the key whose index range is the narrower.
"use strict";

const fs = require("fs");
const path = require("path");

const persistence = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src");

const queuePatches = [
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
    what: "a receive's messages updated one by one, not by re-sorting every index",
    original: "        coll.update(docs);\n        const res = [];",
    patched: "        for (const doc of docs) {\n            coll.update(doc);\n        }\n        const res = [];",
    count: 1,
  },
  {
    what: "the expiry scan only once a message of the queue can have expired",
    original: "    async clearExpiredMessages(account, queue, context) {\n",
    patched: `    async clearExpiredMessages(account, queue, context) {
        // Added by RapidResponse's scripts/patch-azurite.js: no message of the queue expires before nextExpiry.
        const key = account + "/" + queue;
        this.nextExpiry = this.nextExpiry || new Map();
        if (this.nextExpiry.has(key) && new Date().getTime() < this.nextExpiry.get(key)) {
            return;
        }
        this.clearExpiredMessagesNow(account, queue, context);
        let next = Infinity;
        for (const doc of this.db.getCollection(this.MESSAGES_COLLECTION).find({ queueName: queue, accountName: account })) {
            next = Math.min(next, +doc.expirationTime);
        }
        this.nextExpiry.set(key, next);
    }
    lowerNextExpiry(message) {
        const key = message.accountName + "/" + message.queueName;
        if (this.nextExpiry && this.nextExpiry.has(key)) {
            this.nextExpiry.set(key, Math.min(this.nextExpiry.get(key), +message.expirationTime));
        }
    }
    clearExpiredMessagesNow(account, queue, context) {
`,
    count: 1,
  },
  {
    what: "an insert lowers its queue's earliest expiry",
    original: "        coll.insert(saveMessage);\n    }",
    patched: "        coll.insert(saveMessage);\n        this.lowerNextExpiry(saveMessage);\n    }",
    count: 1,
  },
  {
    what: "counts narrowed to their queue",
    original: "        const query = { accountName: account, queueName: queue };",
    patched: "        const query = { queueName: queue, accountName: account };",
    count: 1,
  },
];

const narrowest = "narrowestEntityQuery";
const tablePatches = [
  {
    what: "entity lookups by the narrower key",
    original: /(\w+)\.findOne\(\{\n\s+RowKey: ([\w.]+),\n\s+PartitionKey: ([\w.]+)\n\s+\}\)/g,
    replacement: `$1.findOne(${narrowest}($1, $3, $2))`,
    patched: `.findOne(${narrowest}(`,
    count: 6,
    append: `
// Added by RapidResponse's scripts/patch-azurite.js. LokiJS narrows a query by the index of its first property only:
// name first the key whose index range is the narrower.
function ${narrowest}(collection, partitionKey, rowKey) {
    const size = (property, value) => {
        const range = collection.calculateRange("$eq", property, value);
        return range[1] - range[0];
    };
    return size("PartitionKey", partitionKey) < size("RowKey", rowKey)
        ? { PartitionKey: partitionKey, RowKey: rowKey }
        : { RowKey: rowKey, PartitionKey: partitionKey };
}
`,
  },
];

function occurrences(text, part) {
  return typeof part === "string" ? text.split(part).length - 1 : (text.match(part) || []).length;
}

function patchFile(file, patches) {
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

    source = typeof patch.original === "string"
      ? source.split(patch.original).join(patch.patched)
      : source.replace(patch.original, patch.replacement) + (patch.append || "");
    applied.push(patch.what);
  }

  if (applied.length > 0) {
    fs.writeFileSync(file, source);
    console.log(`Patched Azurite's ${path.basename(file)}: ${applied.join("; ")}.`);
  }
}

patchFile(path.join(persistence, "queue", "persistence", "LokiQueueMetadataStore.js"), queuePatches);
patchFile(path.join(persistence, "table", "persistence", "LokiTableMetadataStore.js"), tablePatches);
