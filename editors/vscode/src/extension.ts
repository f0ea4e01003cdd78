// Starts `doorbraak lsp` for the YAML files of policy packs and stops it with the extension.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('doorbraak');
  const command = config.get<string>('server.command', 'doorbraak');
  const args = [...config.get<string[]>('server.args', []), 'lsp'];

  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    // Every YAML file in a workspace with packs; the server ignores files outside a pack folder.
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    outputChannelName: 'Doorbraak',
  };

  client = new LanguageClient('doorbraak', 'Doorbraak policy packs', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('doorbraak.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
