// Runs one n8n Code node's JavaScript as n8n does in "Run Once for Each Item" mode: $json is the item's data,
// the code's return value ({json: ...}) the item it becomes. Only what the example workflows use is provided.
// Usage: node code-node.js WORKFLOW.json "NODE NAME" < items.json   (items: [{"json": {...}}, ...])
const fs = require('fs');
const [workflowFile, nodeName] = process.argv.slice(2);
const workflow = JSON.parse(fs.readFileSync(workflowFile, 'utf8'));
const node = workflow.nodes.find(n => n.name === nodeName && n.type === 'n8n-nodes-base.code');
if (!node || node.parameters.mode !== 'runOnceForEachItem') {
  console.error(`no Code node "${nodeName}" running once for each item in ${workflowFile}`);
  process.exit(2);
}
const code = new Function('$json', '$input', '$workflow', '$env',
  `return (async () => {\n${node.parameters.jsCode}\n})();`);
const items = JSON.parse(fs.readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const item of items) {
    out.push(await code(item.json, { item }, { name: workflow.name, active: workflow.active }, process.env));
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => {
  console.error(e.stack);
  process.exit(1);
});
