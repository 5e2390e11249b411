// Run by npm after installing Azurite (package.json "postinstall"). Fixes one performance bug of Azurite's queue
// service, pinned to the version in package.json, so that the local host and the benchmark measure RapidResponse
// rather than the emulator.
//
// Before every queue operation Azurite removes the queue's expired messages. When there are none it still calls
// LokiJS's remove() with an empty list, which flags every index of the messages collection dirty, and the next
// query re-sorts each of them: every queue operation costs O(n log n) over all messages of all queues. With a
// thousand escalation messages waiting, the queue service saturated a core and sends slowed to ~60 a second.
"use strict";

const fs = require("fs");
const path = require("path");

const file = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "queue", "persistence", "LokiQueueMetadataStore.js");
const original = "            .find(query)\n            .data();\n        coll.remove(docs);\n    }";
const patched = "            .find(query)\n            .data();\n        if (docs.length > 0) {\n            coll.remove(docs);\n        }\n    }";

const source = fs.readFileSync(file, "utf8");
if (source.includes(patched)) {
  process.exit(0);
}

const at = source.indexOf(original);
if (at < 0 || source.indexOf(original, at + 1) >= 0) {
  console.error(`scripts/patch-azurite.js: ${file} is not the Azurite this patch was written for; update the patch with the version in package.json.`);
  process.exit(1);
}

fs.writeFileSync(file, source.replace(original, patched));
console.log("Patched Azurite: the queue service no longer rebuilds its indexes when no message has expired.");
