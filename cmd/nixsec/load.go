package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// loaded is the outcome of reading and parsing one target.
type loaded struct {
	file *nixast.File
	err  *diagnostics.FileError
}

// load reads and parses the targets with up to jobs workers. The result has
// one entry per target, in the targets' order, whatever the scheduling.
func load(targets []target, jobs int, maxSize int64) []loaded {
	out := make([]loaded, len(targets))
	jobs = max(1, min(jobs, len(targets)))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = loadOne(targets[i], maxSize)
			}
		}()
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func loadOne(t target, maxSize int64) (res loaded) {
	if t.err != nil {
		return loaded{err: t.err}
	}
	defer func() { // a parser bug on one file must not stop the run
		if v := recover(); v != nil {
			res = loaded{err: &diagnostics.FileError{Path: t.path, Kind: diagnostics.ErrInput,
				Message: fmt.Sprintf("internal error while parsing (please report): %v", v)}}
		}
	}()
	src, ferr := readSource(t.path, maxSize)
	if ferr != nil {
		return loaded{err: ferr}
	}
	f, err := nixast.Parse(t.path, src)
	if err != nil {
		var pe *nixast.ParseError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = pe.Reason
		}
		return loaded{err: &diagnostics.FileError{Path: t.path, Kind: diagnostics.ErrInput, Message: msg}}
	}
	return loaded{file: f}
}

// readSource reads a regular file of at most maxSize bytes.
func readSource(path string, maxSize int64) ([]byte, *diagnostics.FileError) {
	// Stat before opening: opening a FIFO would block until a writer comes.
	if st, err := os.Stat(path); err != nil {
		return nil, ioError(path, err)
	} else if !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &diagnostics.FileError{Path: path, Kind: diagnostics.ErrInput, Message: "not a regular file"}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, ioError(path, err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, ioError(path, err)
	}
	if st.IsDir() {
		return nil, &diagnostics.FileError{Path: path, Kind: diagnostics.ErrIO, Message: "is a directory"}
	}
	if !st.Mode().IsRegular() {
		return nil, &diagnostics.FileError{Path: path, Kind: diagnostics.ErrInput, Message: "not a regular file"}
	}
	tooBig := func(n int64) *diagnostics.FileError {
		return &diagnostics.FileError{Path: path, Kind: diagnostics.ErrInput, Message: fmt.Sprintf(
			"file is %s, larger than the %s limit (raise it with --max-file-size)", mib(n), mib(maxSize))}
	}
	if st.Size() > maxSize {
		return nil, tooBig(st.Size())
	}
	src, err := io.ReadAll(io.LimitReader(fh, maxSize+1))
	if err != nil {
		return nil, ioError(path, err)
	}
	if int64(len(src)) > maxSize {
		return nil, tooBig(int64(len(src)))
	}
	return src, nil
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
