// nixsec VS Code extension: starts `nixsec lsp` and passes the nixsec.*
// settings to it. Everything else (diagnostics, quick fixes, hover, exposure
// lenses) is the language server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

// Settings that configure the extension itself, not the server.
const CLIENT_ONLY = new Set(['path', 'trace']);

let client;
let output;

function serverSettings() {
  const cfg = vscode.workspace.getConfiguration('nixsec');
  const out = {};
  for (const key of ['disabledRules', 'severityOverrides', 'exposureThreshold', 'ignoredPaths', 'docsBaseURL', 'debounceMs']) {
    const v = cfg.get(key);
    if (v === null || v === undefined || v === '') continue;
    out[key] = v;
  }
  return out;
}

function createClient() {
  const command = vscode.workspace.getConfiguration('nixsec').get('path') || 'nixsec';
  const serverOptions = { run: { command, args: ['lsp'] }, debug: { command, args: ['lsp'] } };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'nix' }, { scheme: 'untitled', language: 'nix' }],
    outputChannel: output,
    initializationOptions: serverSettings(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.nix') },
    middleware: {
      workspace: {
        // Answer workspace/configuration with the server's settings only, so
        // it does not warn about the extension's own keys.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          return params.items.map((item, i) => {
            if (item.section !== 'nixsec') return result[i];
            return serverSettings();
          });
        },
      },
    },
  };
  return new LanguageClient('nixsec', 'nixsec', serverOptions, clientOptions);
}

async function start(context) {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const cmd = vscode.workspace.getConfiguration('nixsec').get('path') || 'nixsec';
    vscode.window.showErrorMessage(`nixsec: could not start \`${cmd} lsp\` (${err.message || err}). Install nixsec or set "nixsec.path".`);
  }
}

exports.activate = async (context) => {
  output = vscode.window.createOutputChannel('nixsec');
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand('nixsec.showOutput', () => output.show(true)));
  context.subscriptions.push(vscode.commands.registerCommand('nixsec.restartServer', async () => {
    if (client && client.state === State.Running) await client.stop();
    await start(context);
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (!e.affectsConfiguration('nixsec')) return;
    if (e.affectsConfiguration('nixsec.path')) {
      if (client && client.state === State.Running) await client.stop();
      await start(context);
    } else if (client && client.state === State.Running) {
      // The server re-reads its section on didChangeConfiguration.
      client.sendNotification('workspace/didChangeConfiguration', { settings: { nixsec: serverSettings() } });
    }
  }));
  await start(context);
};

exports.deactivate = () => (client ? client.stop() : undefined);
