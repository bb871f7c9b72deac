package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// MaxMessageSize bounds one JSON-RPC message; a larger Content-Length is
// answered with an error and its body skipped. Documents larger than
// nixast.MaxFileSize are refused later with a diagnostic.
const MaxMessageSize = 256 << 20

const maxHeaderLine = 8 << 10

// stream is the LSP base protocol (Content-Length framing) as a
// jsonrpc2.Stream that survives bad input: a frame whose header or JSON is
// malformed is answered with a JSON-RPC error (id null, as the spec asks
// when the id cannot be read) and the stream reads on. jsonrpc2's own stream
// ends the connection at the first bad frame.
type stream struct {
	rwc    io.ReadWriteCloser
	in     *bufio.Reader
	mu     sync.Mutex // serializes writes, including error replies from Read
	onBad  func(error)
	closed bool
}

func newStream(rwc io.ReadWriteCloser, onBad func(error)) *stream {
	return &stream{rwc: rwc, in: bufio.NewReaderSize(rwc, 64<<10), onBad: onBad}
}

// errFrame is a framing problem the stream recovers from.
type errFrame struct{ msg string }

func (e *errFrame) Error() string { return e.msg }

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		body, n, err := s.readFrame()
		var fe *errFrame
		if errors.As(err, &fe) {
			s.bad(jsonrpc2.ParseError, fe.msg, nil)
			continue
		}
		if err != nil {
			return nil, n, err
		}
		msg, err := decodeMessage(body)
		if err != nil {
			s.bad(jsonrpc2.ParseError, "malformed JSON-RPC message: "+err.Error(), idOf(body))
			continue
		}
		if msg == nil {
			s.bad(jsonrpc2.InvalidRequest, "not a JSON-RPC 2.0 request, notification or response", idOf(body))
			continue
		}
		return msg, n, nil
	}
}

// readFrame reads one header block and its body. Header lines it does not
// understand are skipped; it resynchronizes on the next "Content-Length:".
func (s *stream) readFrame() ([]byte, int64, error) {
	var total int64
	length := -1
	var lenErr string
	sawHeader := false
	for {
		line, err := s.readLine()
		total += int64(len(line))
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				lenErr = "header line too long"
				continue
			}
			return nil, total, err
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			if !sawHeader {
				continue // stray blank line between frames
			}
			break
		}
		// Resynchronize: a header may follow garbage on the same line.
		if i := strings.Index(strings.ToLower(text), "content-length:"); i > 0 {
			text = text[i:]
		}
		sawHeader = true
		name, value, ok := strings.Cut(text, ":")
		if !ok {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			switch {
			case err != nil || v < 0:
				lenErr = fmt.Sprintf("bad Content-Length %q", strings.TrimSpace(value))
				length = -1
			default:
				length, lenErr = int(min(v, int64(1)<<40)), ""
				if v > MaxMessageSize {
					lenErr = fmt.Sprintf("Content-Length %d is larger than the %d bytes nixsec accepts", v, MaxMessageSize)
				}
			}
		}
	}
	if length < 0 {
		if lenErr == "" {
			lenErr = "missing Content-Length header"
		}
		return nil, total, &errFrame{lenErr}
	}
	if lenErr != "" { // too large: skip the body
		n, err := io.CopyN(io.Discard, s.in, int64(length))
		total += n
		if err != nil {
			return nil, total, err
		}
		return nil, total, &errFrame{lenErr}
	}
	body := make([]byte, length)
	n, err := io.ReadFull(s.in, body)
	total += int64(n)
	if err != nil {
		return nil, total, err
	}
	return body, total, nil
}

func (s *stream) readLine() ([]byte, error) {
	line, err := s.in.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		// Drop the rest of an overlong line.
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = s.in.ReadSlice('\n')
		}
		if err != nil {
			return nil, err
		}
		return nil, bufio.ErrBufferFull
	}
	if len(line) > maxHeaderLine {
		return nil, bufio.ErrBufferFull
	}
	return line, err
}

// decodeMessage checks the envelope with encoding/json before handing the
// body to jsonrpc2, so that every malformed body is a parse error here and
// never a connection failure. It returns nil, nil for valid JSON that is not
// a JSON-RPC message.
func decodeMessage(body []byte) (jsonrpc2.Message, error) {
	var env struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Method  *string         `json:"method"`
		Params  json.RawMessage `json:"params"`
		Result  json.RawMessage `json:"result"`
		Error   json.RawMessage `json:"error"`
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		if json.Valid(trimmed) {
			return nil, nil
		}
		return nil, errors.New("not a JSON object")
	}
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return nil, err
	}
	if env.JSONRPC != "2.0" {
		return nil, nil
	}
	if len(env.ID) > 0 && !validID(env.ID) {
		return nil, nil
	}
	if env.Method == nil && len(env.ID) == 0 {
		return nil, nil
	}
	if env.Method != nil && *env.Method == "" {
		return nil, nil
	}
	if p := bytes.TrimSpace(env.Params); len(p) > 0 && p[0] != '{' && p[0] != '[' && string(p) != "null" {
		return nil, nil
	}
	msg, err := jsonrpc2.DecodeMessage(trimmed)
	if err != nil {
		return nil, err
	}
	return msg, nil
}

// validID accepts what jsonrpc2.ID can hold: a string or a 32-bit integer.
func validID(raw json.RawMessage) bool {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return true
	}
	var n int32
	return json.Unmarshal(raw, &n) == nil
}

// idOf returns the request id of a body that failed to decode, if it can
// be read at all, so the error reply names it.
func idOf(body []byte) json.RawMessage {
	var env struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &env) == nil && len(env.ID) > 0 && validID(env.ID) {
		return env.ID
	}
	return nil
}

func (s *stream) bad(code jsonrpc2.Code, msg string, id json.RawMessage) {
	if s.onBad != nil {
		s.onBad(errors.New(msg))
	}
	if id == nil {
		id = json.RawMessage("null")
	}
	resp, _ := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   jsonrpc2.Error  `json:"error"`
	}{"2.0", id, jsonrpc2.Error{Code: code, Message: msg}})
	_, _ = s.writeFrame(resp)
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return s.writeFrame(data)
}

func (s *stream) writeFrame(data []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, io.ErrClosedPipe
	}
	buf := make([]byte, 0, len(data)+32)
	buf = append(buf, "Content-Length: "...)
	buf = strconv.AppendInt(buf, int64(len(data)), 10)
	buf = append(buf, "\r\n\r\n"...)
	buf = append(buf, data...)
	n, err := s.rwc.Write(buf)
	return int64(n), err
}

func (s *stream) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	return s.rwc.Close()
}
