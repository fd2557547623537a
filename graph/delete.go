package graph

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Retracting documents.
//
// A withdrawn or corrected article is taken out of the store as if it had
// never been put: Delete removes the quads labelled with it, as Put removes
// those of a document's old version when it replaces it, and brings what
// depended on it to the state the other documents call for, with the same
// functions Put uses: the shared facts it was the canonical document of
// pass to the next supporter or go (settle), entity names and aliases are
// chosen again from the spellings left (settleNames), the events it
// reported are clustered again from the reports left (fuser.refuse), which
// recomputes their date and casualty ranges, renames an event whose
// smallest report was the document's, splits one the document alone
// bridged, and drops one it alone reported.

// ErrUnknownDocument is returned by Delete for a document id the store
// does not hold.
var ErrUnknownDocument = errors.New("no such document")

// DeleteResult reports what Delete did with one document.
type DeleteResult struct {
	// Doc is the document id.
	Doc string
	// Quads is the number of quads labelled with the document that were
	// removed (its own facts and the shared facts it was the canonical
	// document of, some of which pass to another document).
	Quads int
	// Events is the number of fused events the document reported.
	Events int
}

// Delete retracts the documents ids in one transaction: every fact they
// alone state goes, events only they report go, and the events, entities
// and facts they share with other documents are recomputed from the
// others, so that the store is what putting the other documents alone
// would have left. If any id is not in the store, nothing is deleted and
// the error wraps ErrUnknownDocument, naming every such id. Duplicate ids
// count once.
func (s *Store) Delete(ctx context.Context, ids ...string) ([]DeleteResult, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	ids = uniqueIDs(ids)
	if len(ids) == 0 {
		return nil, errors.New("graph: delete: no document id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lockWriters(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph: delete: lock: %w", err)
	}
	defer unlock()
	p := s.newPending()
	defer s.keepSizes(p)
	v := s.view(ctx, p)
	v.share()
	defer v.release()
	if err := s.checkStored(v, ids); err != nil {
		return nil, err
	}
	results := make([]DeleteResult, len(ids))
	for i, id := range ids {
		res, deltas, seeds, err := s.retractOne(v, id)
		if err != nil {
			return nil, fmt.Errorf("graph: delete %s: %w", id, err)
		}
		p.merge(deltas)
		// The reports left of the events it reported are clustered
		// again, as Put does: a document that alone bridged two groups
		// of reports leaves two events.
		f := newFuser(v, s, schema.DocumentIRI(s.base, id))
		fused, _, err := f.refuse(seeds)
		if err != nil {
			return nil, fmt.Errorf("graph: delete %s: %w", id, err)
		}
		p.merge(fused)
		rows, err := s.rowChanges(v, f.touched)
		if err != nil {
			return nil, fmt.Errorf("graph: delete %s: %w", id, err)
		}
		p.merge(rows)
		results[i] = res
	}
	if err := v.release(); err != nil {
		return nil, fmt.Errorf("graph: delete: read: %w", err)
	}
	deltas, opts := p.deltas(), graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if applyHook != nil {
		deltas = applyHook(deltas, &opts)
	}
	if len(deltas) > 0 {
		if err := s.apply(ctx, deltas, opts); err != nil {
			return nil, fmt.Errorf("graph: delete: write: %w", err)
		}
	}
	return results, nil
}

// uniqueIDs returns ids without repeats, in their first order.
func uniqueIDs(ids []string) []string {
	seen := map[string]bool{}
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// checkStored fails with ErrUnknownDocument, naming them, if some of ids
// are not documents of the store.
func (s *Store) checkStored(v *view, ids []string) error {
	var missing []string
	for _, id := range ids {
		ids, err := v.out(schema.DocumentIRI(s.base, id), schema.Identifier)
		ok := len(ids) > 0
		if err != nil {
			return fmt.Errorf("graph: delete %s: %w", id, err)
		}
		if !ok {
			missing = append(missing, strconv.Quote(id))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("graph: delete: %w: %s", ErrUnknownDocument, strings.Join(missing, ", "))
	}
	return nil
}

// retractOne returns the changes that take document id out of the store
// as v shows it (putOne's replacement of the document's stored version,
// with nothing put in its place) and the events it reported, to be fused
// again.
func (s *Store) retractOne(v *view, id string) (DeleteResult, []graph.Delta, []quad.IRI, error) {
	res := DeleteResult{Doc: id}
	doc := schema.DocumentIRI(s.base, id)
	old, err := s.docQuads(v, doc)
	if err != nil {
		return res, nil, nil, err
	}
	oldOwn, oldCanon, err := s.splitOld(v, old, doc)
	if err != nil {
		return res, nil, nil, err
	}
	events := oldEvents(old)
	f := newFuser(v, s, doc)
	// Removals first, as in putOne: settle may add a quad back under
	// another label.
	tx := graph.NewTransactionN(len(old))
	for _, q := range oldOwn {
		tx.RemoveQuad(q)
	}
	f.settle(tx, nil, oldCanon)
	f.settleNames(tx, named(old, doc, nil), nil)
	f.dropFactSets(tx, oldOwn, nil)
	f.leave(tx, old, nil)
	if f.err != nil {
		return res, nil, nil, f.err
	}
	res.Quads = len(old)
	res.Events = len(uniqueEvents(events))
	return res, tx.Deltas, events, nil
}

// uniqueEvents returns events without repeats.
func uniqueEvents(events []quad.IRI) []quad.IRI {
	seen := map[quad.IRI]bool{}
	var out []quad.IRI
	for _, e := range events {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
