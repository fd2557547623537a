// Package extract turns news articles into entities, events and relations,
// each carrying its evidence (document, sentence, byte offsets).
//
// An Extractor takes a Document and returns a Record, the JSON object that
// `newsgraph extract` prints (see docs/extraction-record.md). Extractors are
// registered by name, so that other implementations (a statistical model, a
// remote service) can be added beside the built-in lexical one.
package extract

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

// Extractor extracts the facts of one document.
type Extractor interface {
	Extract(ctx context.Context, doc Document) (*Record, error)
}

// Options configure an extractor. The built-in one takes none yet; the
// type keeps Factory's signature stable for those that will.
//
// An extractor names no IRIs: its record speaks in keys (an entity's
// schema.EntityID, an event's key among the record's events), and the
// store, or Record.Resolve for output, makes IRIs of them through package
// schema.
type Options struct{}

// Factory builds an extractor from options.
type Factory func(Options) (Extractor, error)

var (
	registryMu sync.RWMutex
	registry   = map[string]Factory{}
)

// Register makes an extractor available under name. It panics if name is
// already taken, as database/sql.Register does.
func Register(name string, f Factory) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic("extract: Register called twice for " + name)
	}
	registry[name] = f
}

// Names lists the registered extractors.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	var names []string
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New builds the extractor registered under name.
func New(name string, opts Options) (Extractor, error) {
	registryMu.RLock()
	f, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("extract: unknown extractor %q (have %v)", name, Names())
	}
	return f(opts)
}
