package server

import (
	"encoding/json"

	"go.lsp.dev/protocol"
)

// This file holds the wire types the server needs beyond go.lsp.dev/protocol
// v0.12.0, which stops at LSP 3.16: position encodings and pull diagnostics
// (3.17), and a few types whose upstream shape loses information (a content
// change without a range is a full replacement; a published version of 0 is
// still a version).

// Methods the server handles or sends.
const (
	mInitialize             = "initialize"
	mInitialized            = "initialized"
	mShutdown               = "shutdown"
	mExit                   = "exit"
	mCancelRequest          = "$/cancelRequest"
	mSetTrace               = "$/setTrace"
	mLogTrace               = "$/logTrace"
	mProgress               = "$/progress"
	mDidOpen                = "textDocument/didOpen"
	mDidChange              = "textDocument/didChange"
	mDidSave                = "textDocument/didSave"
	mDidClose               = "textDocument/didClose"
	mPublishDiagnostics     = "textDocument/publishDiagnostics"
	mDiagnostic             = "textDocument/diagnostic"
	mCodeAction             = "textDocument/codeAction"
	mHover                  = "textDocument/hover"
	mCodeLens               = "textDocument/codeLens"
	mExecute                = "workspace/executeCommand"
	mCodeLensRefresh        = "workspace/codeLens/refresh"
	mWorkDoneProgressCancel = "window/workDoneProgress/cancel"
	mDidChangeConfig        = "workspace/didChangeConfiguration"
	mDidChangeWatchedFiles  = "workspace/didChangeWatchedFiles"
	mConfiguration          = "workspace/configuration"
	mDiagnosticRefresh      = "workspace/diagnostic/refresh"
	mLogMessage             = "window/logMessage"
	mShowMessage            = "window/showMessage"
	mWorkDoneProgressNew    = "window/workDoneProgress/create"
	mRegisterCapability     = "client/registerCapability"
)

// Position encodings (LSP 3.17 PositionEncodingKind).
const (
	encUTF16 = "utf-16"
	encUTF8  = "utf-8"
)

// Code action kinds nixsec offers.
const (
	kindQuickFix   = protocol.QuickFix
	kindSource     = protocol.Source
	kindFixAll     = protocol.CodeActionKind("source.fixAll")
	kindFixAllOurs = protocol.CodeActionKind("source.fixAll.nixsec")
)

// Error codes of LSP beyond JSON-RPC's.
const (
	codeRequestCancelled = -32800
	codeServerCancelled  = -32802
)

// clientCaps is the part of ClientCapabilities the server reads.
type clientCaps struct {
	General *struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Workspace *struct {
		Configuration         bool                                `json:"configuration"`
		DidChangeWatchedFiles *struct{ DynamicRegistration bool } `json:"didChangeWatchedFiles"`
		WorkspaceEdit         *struct{ DocumentChanges bool }     `json:"workspaceEdit"`
		Diagnostics           *struct{ RefreshSupport bool }      `json:"diagnostics"`
		CodeLens              *struct{ RefreshSupport bool }      `json:"codeLens"`
	} `json:"workspace"`
	TextDocument *struct {
		Diagnostic         *struct{ DynamicRegistration bool } `json:"diagnostic"`
		PublishDiagnostics *struct {
			VersionSupport bool `json:"versionSupport"`
		} `json:"publishDiagnostics"`
		Hover *struct {
			ContentFormat []string `json:"contentFormat"`
		} `json:"hover"`
	} `json:"textDocument"`
	Window *struct {
		WorkDoneProgress bool `json:"workDoneProgress"`
	} `json:"window"`
}

type workspaceFolder struct {
	URI  string `json:"uri"`
	Name string `json:"name"`
}

type initializeParams struct {
	ProcessID             *int              `json:"processId"`
	RootURI               string            `json:"rootUri"`
	RootPath              string            `json:"rootPath"`
	WorkspaceFolders      []workspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage   `json:"initializationOptions"`
	Capabilities          clientCaps        `json:"capabilities"`
	Trace                 string            `json:"trace"`
	WorkDoneToken         json.RawMessage   `json:"workDoneToken"`
}

type textDocumentSync struct {
	OpenClose bool                          `json:"openClose"`
	Change    protocol.TextDocumentSyncKind `json:"change"`
	Save      *protocol.SaveOptions         `json:"save,omitempty"`
}

type diagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

type serverCaps struct {
	PositionEncoding       string                          `json:"positionEncoding,omitempty"`
	TextDocumentSync       textDocumentSync                `json:"textDocumentSync"`
	HoverProvider          bool                            `json:"hoverProvider"`
	CodeActionProvider     *protocol.CodeActionOptions     `json:"codeActionProvider,omitempty"`
	CodeLensProvider       *protocol.CodeLensOptions       `json:"codeLensProvider,omitempty"`
	ExecuteCommandProvider *protocol.ExecuteCommandOptions `json:"executeCommandProvider,omitempty"`
	DiagnosticProvider     *diagnosticOptions              `json:"diagnosticProvider,omitempty"`
}

type initializeResult struct {
	Capabilities serverCaps           `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

// contentChange is TextDocumentContentChangeEvent with an optional range: a
// change without one replaces the whole text.
type contentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []contentChange                          `json:"contentChanges"`
}

type publishDiagnosticsParams struct {
	URI         string                `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

// documentDiagnosticParams and the reports are LSP 3.17 pull diagnostics.
type documentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	Identifier       string                          `json:"identifier,omitempty"`
	PreviousResultID string                          `json:"previousResultId,omitempty"`
}

type documentDiagnosticReport struct {
	Kind     string                `json:"kind"` // "full" or "unchanged"
	ResultID string                `json:"resultId,omitempty"`
	Items    []protocol.Diagnostic `json:"items,omitempty"`
}

// fullReport always carries items, even when empty: "full" with no items
// must clear the client's list.
type fullReport struct {
	Kind     string                `json:"kind"`
	ResultID string                `json:"resultId,omitempty"`
	Items    []protocol.Diagnostic `json:"items"`
}

type cancelParams struct {
	ID json.RawMessage `json:"id"`
}

type setTraceParams struct {
	Value string `json:"value"`
}

type logMessageParams struct {
	Type    protocol.MessageType `json:"type"`
	Message string               `json:"message"`
}

type progressParams struct {
	Token string `json:"token"`
	Value any    `json:"value"`
}

type workDoneProgressCreate struct {
	Token string `json:"token"`
}

type progressValue struct {
	Kind        string `json:"kind"` // begin, report, end
	Title       string `json:"title,omitempty"`
	Message     string `json:"message,omitempty"`
	Percentage  *int   `json:"percentage,omitempty"`
	Cancellable bool   `json:"cancellable,omitempty"`
}

type configurationParams struct {
	Items []protocol.ConfigurationItem `json:"items"`
}

type didChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

type serverCancelledData struct {
	RetriggerRequest bool `json:"retriggerRequest"`
}
