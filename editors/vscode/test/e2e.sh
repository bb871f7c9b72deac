#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server in
# headless Chromium, see ../shared/tools/vscode-e2e): the extension starts
# `nixsec lsp` and VS Code's Problems panel must show nixsec's findings.
# workspace.nix also defines a systemd service: the screenshot shows its
# exposure code lens ("exposure 9.6 UNSAFE" above line 11). The harness
# reads only the Problems panel, so the lens is checked by looking at the
# screenshot, not asserted here.
# Usage: editors/vscode/test/e2e.sh [OUTDIR]   (run from anywhere; needs root for setup)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
tool="${VSCODE_E2E:-$repo/../shared/tools/vscode-e2e}"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"

[ -f "$tool/run.mjs" ] || { echo "vscode-e2e tool not found at $tool" >&2; exit 1; }
bash "$tool/setup.sh" >"$out/setup.log" 2>&1 || { tail -20 "$out/setup.log" >&2; exit 1; }

make -C "$repo" build >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/editors/vscode" "$work/ext"
rm -rf "$work/ext/test"
(cd "$work/ext" && npm install --omit=dev --no-audit --no-fund --no-package-lock >"$out/npm.log" 2>&1) || { tail -20 "$out/npm.log" >&2; exit 1; }

mkdir -p "$work/ws"
cp "$here/workspace.nix" "$work/ws/configuration.nix"
printf '{ "nixsec.path": "%s" }\n' "$repo/bin/nixsec" >"$work/settings.json"

node "$tool/run.mjs" --workspace "$work/ws" --file configuration.nix --extension "$work/ext" \
  --settings "$work/settings.json" --screenshot "$out/vscode.png" --timeout 90 \
  --min-diagnostics 3 \
  --expect 'networking\.firewall\.enable' \
  --expect 'allowBroken' \
  --expect 'fetchTarball' >"$out/diagnostics.jsonl"

# Every diagnostic must come from nixsec, carry a rule ID and sit on the line
# of the option it names.
node - "$out/diagnostics.jsonl" <<'JS'
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const want = { 'networking.firewall.enable': 3, 'allowBroken': 5, 'fetchTarball': 8 };
let failed = 0;
for (const [needle, line] of Object.entries(want)) {
  const d = lines.find((x) => x.message.includes(needle));
  if (!d) { console.error(`missing diagnostic for ${needle}`); failed++; continue; }
  if (d.source !== 'nixsec' || !/^NIXSEC-[A-Z]+-\d{3}$/.test(String(d.code))) { console.error(`bad source/code: ${JSON.stringify(d)}`); failed++; }
  if (d.line !== line) { console.error(`${needle}: line ${d.line}, want ${line}`); failed++; }
}
console.log(`${Object.keys(want).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
JS
echo "screenshot: $out/vscode.png (the exposure lens should be above line 11)"
