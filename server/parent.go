package server

import (
	"errors"
	"os"
	"runtime"
	"syscall"
	"time"

	"go.lsp.dev/protocol"
)

// parentPoll is how often the server checks that the editor that started
// it (initialize's processId) is still alive.
var parentPoll = 5 * time.Second

// watchParent ends the session when the client process is gone, as LSP
// asks: an editor that crashed without closing our stdin must not leave a
// server behind.
func (s *Server) watchParent(pid int) {
	if pid <= 0 || runtime.GOOS == "windows" {
		return
	}
	go func() {
		t := time.NewTicker(parentPoll)
		defer t.Stop()
		for {
			select {
			case <-s.ctx.Done():
				return
			case <-t.C:
			}
			if alive(pid) {
				continue
			}
			s.logf(protocol.MessageTypeWarning, "client process %d is gone: exiting", pid)
			select {
			case s.exit <- 1:
			default:
			}
			return
		}
	}()
}

func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
