#!/usr/bin/env node
// Validates SARIF logs with Microsoft's SARIF Multitool and fails when it
// reports any error (schema violations, SARIF rule errors). Warnings are
// printed but allowed. Usage: node .ci/sarif/check.js LOG.sarif...
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const tool = require('@microsoft/sarif-multitool'); // path of the platform binary
const logs = process.argv.slice(2);
if (logs.length === 0) {
  console.error('usage: check.js LOG.sarif...');
  process.exit(2);
}
let errors = 0, warnings = 0;
for (const log of logs) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-check-')), 'validation.sarif');
  const res = spawnSync(tool, ['validate', '--output', out, path.resolve(log)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (res.error || res.status !== 0 || !fs.existsSync(out)) {
    console.error(`sarif-check: the validator failed on ${log} (status ${res.status}${res.error ? ', ' + res.error.message : ''})`);
    process.exit(1);
  }
  const run = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0];
  const rules = (run.tool.driver.rules || []);
  for (const r of run.results || []) {
    const rule = rules[r.ruleIndex] || {};
    const level = r.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
    if (level === 'error') errors++;
    else if (level === 'warning') warnings++;
  }
  for (const inv of run.invocations || []) {
    for (const n of (inv.toolExecutionNotifications || []).concat(inv.toolConfigurationNotifications || [])) {
      if ((n.level || 'warning') === 'error') {
        errors++;
        console.error(`sarif-check: validator error: ${n.message && n.message.text}`);
      }
    }
  }
}
console.log(`sarif-check: ${logs.length} log(s) validated: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
