// nixsec VS Code extension: starts `nixsec lsp` and passes the nixsec.*
// settings to it. Everything else (diagnostics, quick fixes, hover, exposure
// lenses) is the language server's; the extension only shows the exposure
// breakdown that the lens command (nixsec.showExposure) returns.
'use strict';
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

// Settings that configure the extension itself, not the server.
const CLIENT_ONLY = new Set(['path', 'trace']);

let client;
let output;

// The exposure breakdowns, as read-only markdown documents
// (nixsec-exposure:/NAME.service.md), so closing one never asks to save.
const EXPOSURE_SCHEME = 'nixsec-exposure';
const breakdowns = new Map();
const breakdownChanged = new vscode.EventEmitter();

async function showBreakdown(args, markdown) {
  const [, service, system] = args || [];
  const name = `${system ? system.replace(/[^\w.-]/g, '_') + '/' : ''}${service || 'service'}.service.md`;
  const uri = vscode.Uri.from({ scheme: EXPOSURE_SCHEME, path: '/' + name });
  breakdowns.set(uri.toString(), markdown);
  breakdownChanged.fire(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch (err) {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

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
      // Clicking an exposure lens runs nixsec.showExposure on the server
      // (workspace/executeCommand); its answer is the breakdown to show.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === 'nixsec.showExposure' && typeof result === 'string') {
          await showBreakdown(args, result);
        }
        return result;
      },
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
  context.subscriptions.push(breakdownChanged, vscode.workspace.registerTextDocumentContentProvider(EXPOSURE_SCHEME, {
    onDidChange: breakdownChanged.event,
    provideTextDocumentContent: (uri) => breakdowns.get(uri.toString()) || '',
  }));
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
