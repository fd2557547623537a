package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// PutStatus tells what Put did with a document.
type PutStatus int

const (
	// Added means the document was new to the store.
	Added PutStatus = iota + 1
	// Unchanged means the store already held this version (same sha256);
	// nothing was written.
	Unchanged
	// Replaced means an older version of the document was replaced.
	Replaced
)

// String returns "added", "unchanged" or "replaced".
func (s PutStatus) String() string {
	switch s {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return fmt.Sprintf("PutStatus(%d)", int(s))
}

// PutResult reports what Put did with one record.
type PutResult struct {
	// Doc is the document id.
	Doc string
	// Status is Added, Unchanged or Replaced.
	Status PutStatus
	// Quads is the number of quads labelled with the document after the
	// put (0 when Unchanged).
	Quads int
	// Err, from PutBatch, is why the record was left out (nil if it was
	// written or unchanged).
	Err error
}

// applyHook, when set by a test, may alter the deltas of a Put and their
// options just before they are applied (to make the backend fail half-way).
var applyHook func([]graph.Delta, *graph.IgnoreOpts) []graph.Delta

// Put writes the facts of one record, labelled with its document, in one
// transaction. A document already stored with the same sha256 is left as
// it is (Unchanged); another version of it is replaced: its old facts are
// deleted and the new ones written in the same transaction. Events are
// fused with the events other documents report (see the package comment).
// On error nothing is written.
func (s *Store) Put(ctx context.Context, rec *extract.Record) (PutResult, error) {
	if rec == nil || rec.Doc.ID == "" {
		return PutResult{}, errors.New("graph: put: record without a document id")
	}
	res, err := s.PutBatch(ctx, []*extract.Record{rec})
	if err != nil {
		return PutResult{Doc: rec.Doc.ID}, err
	}
	return res[0], res[0].Err
}

// PutBatch writes the facts of several records in one transaction (a
// group commit): each record as Put would, in order, every record fused
// with the store as the records before it leave it. A record that cannot
// be built (an invalid value, an unknown class) is left out, with its
// error in its result's Err; the others are written. If the write fails,
// nothing of the batch is written and the error is returned. Either way a
// document is written whole or not at all, and putting the same records
// again writes nothing (they are Unchanged).
func (s *Store) PutBatch(ctx context.Context, recs []*extract.Record) ([]PutResult, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	if s.pg != nil {
		// Writers of PostgreSQL lock what they touch (pglock.go).
		s.mu.RLock()
		defer s.mu.RUnlock()
		return s.putLocked(ctx, recs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	results, deltas, opts, err := s.fuseBatch(ctx, recs, nil)
	if err == nil && len(deltas) > 0 {
		err = s.write(ctx, recs, deltas, opts)
	}
	return results, err
}

// putLocked is PutBatch on PostgreSQL, under the advisory locks of what
// the batch reads and writes (see pglock.go). A first run holds only
// writeLockKey, shared, and names the locks; it then takes them, and if
// no other write committed meanwhile (writeSeq did not move) its changes
// are written as they are; otherwise the batch runs again under them,
// until a run needs no lock it does not hold.
func (s *Store) putLocked(ctx context.Context, recs []*extract.Record) ([]PutResult, error) {
	held := lockKeys{}
	wide := writeLockKey(s.lockSalt)
	aborted, rounds := 0, 0
	var lk *lockTx
	defer func() { lk.release() }()
	for {
		var err error
		if lk == nil {
			if lk, err = lockAll(ctx, s.pg, s.lockSalt, held); err != nil {
				lk = nil
				switch {
				case outOfLocks(err):
					held = lockKeys{wide: true}
					continue
				case retryable(err) && aborted < maxAborts:
					aborted++
					continue
				}
				return make([]PutResult, len(recs)), fmt.Errorf("graph: put %s: lock: %w", batchName(recs), err)
			}
		}
		before, err := lk.writes(ctx)
		if err != nil {
			return make([]PutResult, len(recs)), fmt.Errorf("graph: put %s: lock: %w", batchName(recs), err)
		}
		k := &keyer{salt: s.lockSalt, keys: lockKeys{}}
		results, deltas, opts, err := s.fuseBatch(ctx, recs, k)
		if err != nil || len(deltas) == 0 {
			return results, err
		}
		k.writes(deltas)
		if !held[wide] && !held.covers(k.keys) {
			first := len(lk.held) == 0
			held.merge(k.keys)
			if rounds++; rounds > maxLockRounds || len(held) > s.maxLocks {
				held = lockKeys{wide: true}
			}
			if !first || held[wide] {
				lk.release()
				lk = nil
				continue
			}
			if err := lk.add(ctx, held); err != nil {
				lk.release()
				lk = nil
				if outOfLocks(err) {
					held = lockKeys{wide: true}
				}
				continue
			}
			after, err := lk.writes(ctx)
			if err != nil {
				return make([]PutResult, len(recs)), fmt.Errorf("graph: put %s: lock: %w", batchName(recs), err)
			}
			if after != before {
				continue // another write committed: run again, under the locks
			}
		}
		if lockedHook != nil {
			lockedHook()
		}
		err = s.write(ctx, recs, deltas, opts)
		if werr := lk.wrote(ctx); err == nil && werr != nil {
			err = fmt.Errorf("graph: put %s: %w", batchName(recs), werr)
		}
		lk.release()
		lk = nil
		if retryable(err) && aborted < maxAborts {
			aborted++
			continue
		}
		return results, err
	}
}

// maxAborts is how many times a write PostgreSQL aborts (a deadlock) runs
// again before its error is returned.
const maxAborts = 20

// lockedHook, when set by a test, runs when a write on PostgreSQL holds
// its locks and is about to commit.
var lockedHook func()

// batchName names a batch in errors: its document, or its size.
func batchName(recs []*extract.Record) string {
	if len(recs) == 1 && recs[0] != nil {
		return recs[0].Doc.ID
	}
	return fmt.Sprintf("%d documents", len(recs))
}

// fuseBatch builds and fuses the records against the store, as PutBatch
// describes, and returns the results and the changes to write; k, if not
// nil, names the lock keys of its reads.
func (s *Store) fuseBatch(ctx context.Context, recs []*extract.Record, k *keyer) ([]PutResult, []graph.Delta, graph.IgnoreOpts, error) {
	results := make([]PutResult, len(recs))
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	p := s.newPending()
	defer s.keepSizes(p)
	v := s.view(ctx, p)
	if k != nil {
		v.r = keyReader{Reader: v.r, k: k}
	}
	v.share()
	defer v.release()
	for i, rec := range recs {
		if rec == nil || rec.Doc.ID == "" {
			results[i].Err = errors.New("graph: put: record without a document id")
			continue
		}
		res, err := s.fuseRecord(v, p, rec)
		if err != nil {
			res.Err = fmt.Errorf("graph: put %s: %w", rec.Doc.ID, err)
		}
		results[i] = res
	}
	deltas := p.deltas()
	if applyHook != nil {
		deltas = applyHook(deltas, &opts)
	}
	var err error
	if k != nil {
		err = k.fusionWrites(v.r, deltas)
	}
	if rerr := v.release(); err == nil {
		err = rerr
	}
	if err != nil {
		return results, nil, opts, fmt.Errorf("graph: put %s: read: %w", batchName(recs), err)
	}
	return results, deltas, opts, nil
}

// write applies the changes of a batch.
func (s *Store) write(ctx context.Context, recs []*extract.Record, deltas []graph.Delta, opts graph.IgnoreOpts) error {
	if err := s.apply(ctx, deltas, opts); err != nil {
		return fmt.Errorf("graph: put %s: write: %w", batchName(recs), err)
	}
	return nil
}

// fuseRecord writes one record into the pending changes p (which v reads
// through): its own facts, its reports grouped within the record (putOne),
// then its units fused with the other documents' (fuser.refuse).
func (s *Store) fuseRecord(v *view, p *pending, rec *extract.Record) (PutResult, error) {
	res, deltas, seeds, err := s.putOne(v, rec)
	if err != nil || res.Status == Unchanged {
		return res, err
	}
	p.merge(deltas)
	f := newFuser(v, s, schema.DocumentIRI(s.base, rec.Doc.ID))
	fused, own, err := f.refuse(seeds)
	if err != nil {
		return res, err
	}
	p.merge(fused)
	rows, err := s.rowChanges(v, f.touched)
	if err != nil {
		return res, err
	}
	p.merge(rows)
	res.Quads += own
	return res, nil
}

// putOne builds one record against the store as v shows it, each of its
// units of reports under a node of its own, and returns the changes that
// write it and the event nodes to fuse again: those its reports and its
// stored version's reports describe.
func (s *Store) putOne(v *view, rec *extract.Record) (PutResult, []graph.Delta, []quad.IRI, error) {
	res := PutResult{Doc: rec.Doc.ID}
	doc := schema.DocumentIRI(s.base, rec.Doc.ID)
	if rec.Doc.SHA256 != "" {
		// The stored sha256 alone tells an unchanged document: reading
		// all its quads means reading every quad of each entity it
		// names, which grows with the store.
		sha, err := s.docSHA(v, doc)
		if err != nil {
			return res, nil, nil, err
		}
		if sha == rec.Doc.SHA256 {
			res.Status = Unchanged
			return res, nil, nil, nil
		}
	}
	old, err := s.docQuads(v, doc)
	if err != nil {
		return res, nil, nil, err
	}

	oldOwn, oldCanon, err := s.splitOld(v, old, doc)
	if err != nil {
		return res, nil, nil, err
	}

	f := newFuser(v, s, doc)
	b := newBuilder(s, f, rec, doc)
	if err := b.build(); err != nil {
		return res, nil, nil, err
	}
	// Without a sha256, the document is unchanged if it states the same
	// facts: its own quads include its entries in the support index.
	if len(old) > 0 && rec.Doc.SHA256 == "" && sameQuads(oldOwn, b.quads) {
		res.Status = Unchanged
		return res, nil, nil, nil
	}
	// Removals first: the transaction cancels a removal followed by the
	// addition of the same quad (the quad stays), not the other way round.
	tx := graph.NewTransactionN(len(old) + len(b.quads) + len(b.shared))
	for _, q := range oldOwn {
		tx.RemoveQuad(q)
	}
	own := f.settle(tx, b.shared, oldCanon)
	own += f.settleNames(tx, named(old, doc, b.names), b.names)
	f.dropFactSets(tx, oldOwn, b.members)
	f.linkFactSets(tx, b.members)
	f.enter(tx, b)
	left := f.leave(tx, old, b.listedOf)
	if f.err != nil {
		return res, nil, nil, f.err
	}
	for _, q := range b.quads {
		if !left[q] {
			tx.AddQuad(q)
		}
	}
	res.Status = Added
	if len(old) > 0 {
		res.Status = Replaced
	}
	res.Quads = len(b.quads) + own
	seeds := oldEvents(old)
	for _, r := range b.reports {
		seeds = append(seeds, r.event)
	}
	return res, tx.Deltas, seeds, nil
}

// splitOld sorts the stored quads labelled doc (old): its own facts
// (document, reports, statements, evidence, mentions and its entries in
// the support index), removed with it, and the shared facts it was the
// canonical document of, to be settled: those it supports, directly or
// through a fact set or its supports literal (read from v). Entity names are settled apart
// (settleNames): a canonical ng:name quad is in neither list.
func (s *Store) splitOld(v *view, old []quad.Quad, doc quad.IRI) (own, canon []quad.Quad, err error) {
	indexed := map[quad.Value]bool{}
	inSets := map[quad.Value]map[string]bool{} // an entity's FactSetsIRI: the keys of the sets doc supports
	for _, q := range old {
		if q.Predicate == schema.SupportedBy && q.Object == doc {
			indexed[q.Subject] = true
		}
	}
	sets, facts := supported(s.base, old, doc)
	for _, k := range facts {
		indexed[k] = true
	}
	for _, set := range sets {
		err := v.each(quad.Object, set, schema.InFactSet, func(m quad.Quad) { indexed[m.Subject] = true })
		if err == nil {
			err = eachSetOf(v, s.base, set, func(m quad.Quad, keys []string) {
				if inSets[m.Subject] == nil {
					inSets[m.Subject] = map[string]bool{}
				}
				for _, k := range keys {
					inSets[m.Subject][k] = true
				}
			})
		}
		if err != nil {
			return nil, nil, err
		}
	}
	listed := listedFacts(old)
	for _, q := range old {
		if q.Predicate != schema.SupportedBy && (indexed[schema.FactIRI(s.base, q.Subject, q.Predicate, q.Object)] ||
			s.stated(q) && listsFact(listed[q.Subject], q) || s.inSet(inSets, q)) {
			if q.Predicate == schema.Name {
				continue
			}
			canon = append(canon, q)
		} else {
			own = append(own, q)
		}
	}
	return own, canon, nil
}

// docQuads returns every quad labelled with doc. The kv backend has no
// label index, so they are found from the nodes the document writes: the
// document itself, what is mentionedIn, reportedBy or supportedBy it (the
// entities it names hold the shared facts it can be the canonical document
// of), the countries of those entities, and the events its reports
// describe; each of those has its quads
// read through the subject index and filtered by label.
func (s *Store) docQuads(v *view, doc quad.IRI) ([]quad.Quad, error) {
	subjects, err := v.in(doc, schema.MentionedIn, schema.DescribedIn, schema.ReportedBy, schema.SupportedBy)
	if err != nil {
		return nil, err
	}
	subjects = append([]quad.Value{doc}, subjects...)
	seen := map[quad.Value]bool{}
	for _, x := range subjects {
		seen[x] = true
	}
	var out []quad.Quad
	collect := func(q quad.Quad) {
		// The country of an entity it names: a document that gives an
		// entity's country by name alone (builder.country) states the
		// country's type and name without mentioning it.
		if c, ok := q.Object.(quad.IRI); ok && q.Predicate == schema.CountryOf && !seen[c] {
			seen[c] = true
			subjects = append(subjects, c)
		}
		if q.Label != doc {
			return
		}
		out = append(out, q)
		if q.Predicate == schema.ReportOf && !seen[q.Object] {
			seen[q.Object] = true
			subjects = append(subjects, q.Object)
		}
	}
	for i := 0; i < len(subjects); i++ {
		// A subject's mentionedIn and supportedBy quads name every
		// document that mentions or supports it, and doc labels only
		// the one that names doc: that one is read, the others need
		// not be.
		if err := v.except(subjects[i], fanIn, doc, collect); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fanIn are the predicates whose quads on a node come one from each
// document (mentionedIn, describedIn, supportedBy), each labelled with the
// document it names.
var fanIn = []quad.Value{schema.MentionedIn, schema.DescribedIn, schema.SupportedBy}

// docSHA returns the sha256 stored for doc, "" if none is.
func (s *Store) docSHA(v *view, doc quad.IRI) (string, error) {
	sha := ""
	err := v.until(quad.Subject, doc, schema.SHA256, func(q quad.Quad) bool {
		if q.Label != doc {
			return true
		}
		sha = schema.TextOf(q.Object)
		return false
	})
	return sha, err
}

func sameQuads(a, b []quad.Quad) bool {
	if len(a) != len(b) {
		return false
	}
	set := make(map[quad.Quad]bool, len(a))
	for _, q := range a {
		set[q] = true
	}
	for _, q := range b {
		if !set[q] {
			return false
		}
	}
	return true
}

func oldEvents(old []quad.Quad) []quad.IRI {
	var out []quad.IRI
	for _, q := range old {
		if q.Predicate == schema.ReportOf {
			if iri, ok := q.Object.(quad.IRI); ok {
				out = append(out, iri)
			}
		}
	}
	return out
}

// builder turns one record into the quads labelled with its document and
// the shared facts it states.
type builder struct {
	s      *Store
	f      *fuser
	rec    *extract.Record
	doc    quad.IRI
	quads  []quad.Quad // the document's own facts, labelled doc
	seen   map[quad.Quad]bool
	shared []quad.Quad // shared facts (triples without a label)
	err    error

	described   map[quad.IRI]bool       // entities whose own facts are written
	sets        map[quad.IRI][]quad.IRI // an entity's described facts (keys), in order
	setKeys     map[quad.IRI][]string   // the same facts' FactKey
	setOrder    []quad.IRI              // the entities of sets, in order
	members     map[quad.IRI]quad.Quad  // the fact sets the document supports, and their FactSetOf quads
	facts       []quad.Quad             // the shared facts share records, supported one by one
	names       map[quad.IRI][]string   // the names the record gives entities (name)
	listedOf    map[quad.IRI][]quad.IRI // the sets and facts of each entity the supports literal lists
	listedOrder []quad.IRI              // the entities of listedOf, in order
	entered     map[quad.IRI]bool       // the entities whose entries the document writes (entries)
	countries   map[string]quad.IRI
	reports     []*report

	statements  []schema.Reified    // the document's reified relations, in order
	detailSpans map[quad.Value]bool // the evidence spans its reports' details list
}

func newBuilder(s *Store, f *fuser, rec *extract.Record, doc quad.IRI) *builder {
	return &builder{s: s, f: f, rec: rec, doc: doc, seen: map[quad.Quad]bool{},
		described: map[quad.IRI]bool{}, names: map[quad.IRI][]string{}, countries: map[string]quad.IRI{},
		sets: map[quad.IRI][]quad.IRI{}, setKeys: map[quad.IRI][]string{}, members: map[quad.IRI]quad.Quad{},
		detailSpans: map[quad.Value]bool{}, listedOf: map[quad.IRI][]quad.IRI{}, entered: map[quad.IRI]bool{}}
}

// add records a fact of the document's own (about the document, its
// reports, statements and evidence, or that it mentions an entity); the
// first invalid value is kept in b.err.
func (b *builder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	if !b.valid(s, p, o) {
		return
	}
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.doc}
	if !b.seen[q] {
		b.seen[q] = true
		b.quads = append(b.quads, q)
	}
}

// share records a shared fact the document states (about an entity or an
// event node, or a direct or relation edge): stored once whoever states
// it, supported by the document's literal (its subject an entity the
// document describes) or an entry in the support index (support).
func (b *builder) share(s quad.IRI, p quad.IRI, o quad.Value) {
	if b.addShared(s, p, o) {
		b.facts = append(b.facts, quad.Quad{Subject: s, Predicate: p, Object: o})
	}
}

// addShared adds the shared fact (s, p, o) unless the document already
// stated it or it is not valid; it reports whether it added it.
func (b *builder) addShared(s quad.IRI, p quad.IRI, o quad.Value) bool {
	if !b.valid(s, p, o) {
		return false
	}
	t := quad.Quad{Subject: s, Predicate: p, Object: o}
	if b.seen[t] {
		return false
	}
	b.seen[t] = true
	b.shared = append(b.shared, t)
	return true
}

func (b *builder) valid(s, p, o quad.Value) bool {
	if b.err != nil || o == nil {
		return false
	}
	for _, v := range []quad.Value{s, p, o} {
		if err := checkValue(v); err != nil {
			b.err = err
			return false
		}
	}
	return true
}

func (b *builder) addString(s, p quad.IRI, text string) {
	if text = strings.TrimSpace(text); text != "" {
		b.add(s, p, quad.String(text))
	}
}

// describe records a shared fact about entity s, like share, but
// supported through the fact set of what the document says about s
// (factSets) rather than an entry of its own in the support index.
func (b *builder) describe(s quad.IRI, p quad.IRI, o quad.Value) {
	if b.addShared(s, p, o) {
		b.inSet(s, p, o)
	}
}

// inSet adds the fact (s, p, o) to the fact set of entity s.
func (b *builder) inSet(s quad.IRI, p quad.IRI, o quad.Value) {
	if _, ok := b.sets[s]; !ok {
		b.setOrder = append(b.setOrder, s)
	}
	b.sets[s] = append(b.sets[s], schema.FactIRI(b.s.base, s, p, o))
	b.setKeys[s] = append(b.setKeys[s], schema.FactKey(p, o))
}

// support writes the document's support of each fact set and of the
// facts share recorded: the sets of the entities it describes, and the
// facts whose subject is one of them (direct and relation edges), listed
// in one literal on the document (ng:supports), whatever their number; an
// ng:describedIn link from each entity it describes without mentioning
// it (so that the supporters of a set or fact are found from its
// entity); an entry in the support index for each other fact (of an event
// node, whose reports may move). It keeps the literal that lists each
// set's facts (fuser.linkFactSets).
func (b *builder) support() {
	fused := schema.FusedGraph(b.s.base)
	var listed []quad.IRI
	mentioned := func(s quad.Value) bool {
		return b.seen[quad.Quad{Subject: s, Predicate: schema.MentionedIn, Object: b.doc, Label: b.doc}]
	}
	lists := func(e, id quad.IRI) {
		listed = append(listed, id)
		if _, ok := b.listedOf[e]; !ok {
			b.listedOrder = append(b.listedOrder, e)
		}
		b.listedOf[e] = append(b.listedOf[e], id)
	}
	for _, s := range b.setOrder {
		set := schema.FactSetIRI(b.s.base, s, b.sets[s])
		lists(s, set)
		if !mentioned(s) {
			b.add(s, schema.DescribedIn, b.doc)
		}
		b.members[set] = quad.Quad{Subject: schema.FactSetsIRI(b.s.base, s), Predicate: schema.FactSetOf,
			Object: schema.FactSetValue(b.s.base, set, b.setKeys[s]), Label: fused}
	}
	for _, t := range b.facts {
		k := schema.FactIRI(b.s.base, t.Subject, t.Predicate, t.Object)
		if _, described := b.sets[t.Subject.(quad.IRI)]; described || mentioned(t.Subject) {
			lists(t.Subject.(quad.IRI), k)
		} else {
			b.add(k, schema.SupportedBy, b.doc)
		}
	}
	if len(listed) > 0 {
		b.add(b.doc, schema.Supports, schema.SupportedValue(b.s.base, listed))
	}
	b.entries()
}

// state records a shared fact of report r's event node, like share, but
// supported by the report's statesFacts literal (its key added to r.keys)
// rather than an entry of its own in the support index.
func (b *builder) state(r *report, p quad.IRI, o quad.Value) {
	if b.addShared(r.event, p, o) {
		r.keys = append(r.keys, schema.FactKey(p, o))
	}
}

// stateString is state for a string, trimmed; nothing if it is empty.
func (b *builder) stateString(r *report, p quad.IRI, text string) {
	if text = strings.TrimSpace(text); text != "" {
		b.state(r, p, quad.String(text))
	}
}

// describeString is describe for a string, trimmed; nothing if it is
// empty.
func (b *builder) describeString(s, p quad.IRI, text string) {
	if text = strings.TrimSpace(text); text != "" {
		b.describe(s, p, quad.String(text))
	}
}

func (b *builder) addInt(s, p quad.IRI, n *int) {
	if n != nil {
		b.add(s, p, schema.Integer(*n))
	}
}

// checkValue rejects what would make invalid RDF or fail in a backend:
// empty or malformed IRIs and strings that are not UTF-8.
func checkValue(v quad.Value) error {
	switch v := v.(type) {
	case quad.IRI:
		if v == "" {
			return errors.New("empty IRI")
		}
		if strings.ContainsAny(string(v), " <>\"{}|^`\\\t\n\r") || !utf8.ValidString(string(v)) {
			return fmt.Errorf("invalid IRI %q", string(v))
		}
	case quad.String:
		if !utf8.ValidString(string(v)) {
			return fmt.Errorf("string is not UTF-8: %q", string(v))
		}
	case quad.TypedString:
		if !utf8.ValidString(string(v.Value)) {
			return fmt.Errorf("string is not UTF-8: %q", string(v.Value))
		}
	}
	return nil
}

func (b *builder) build() error {
	rec, doc := b.rec, b.doc
	// No rdf:type ng:Document: the identifier implies it (the documents
	// are the subjects of ng:identifier; export writes the type).
	b.addString(doc, schema.Identifier, rec.Doc.ID)
	if rec.Doc.Title != nil {
		b.addString(doc, schema.Title, *rec.Doc.Title)
	}
	if rec.Doc.URL != nil && strings.TrimSpace(*rec.Doc.URL) != "" {
		b.add(doc, schema.URL, schema.AnyURI(strings.TrimSpace(*rec.Doc.URL)))
	}
	if rec.Doc.Published != nil && *rec.Doc.Published != "" {
		b.add(doc, schema.Published, schema.DateValue(*rec.Doc.Published))
	}
	b.addString(doc, schema.SHA256, rec.Doc.SHA256)
	if rec.Doc.Source != nil {
		b.addString(doc, schema.Source, *rec.Doc.Source)
	}

	b.indexCountries()
	for i := range rec.Entities {
		if err := b.entity(&rec.Entities[i]); err != nil {
			return err
		}
	}
	if err := b.events(); err != nil {
		return err
	}
	for i := range rec.Relations {
		if err := b.relation(i, &rec.Relations[i]); err != nil {
			return err
		}
	}
	b.writeStatements()
	b.support()
	return b.err
}

// indexCountries maps the names and aliases of the record's countries to
// their IRIs, to resolve the country names entities and refs carry.
func (b *builder) indexCountries() {
	for _, e := range b.rec.Entities {
		if !strings.EqualFold(e.Class, extract.ClassCountry) || e.ID == "" {
			continue
		}
		iri := schema.EntityIRI(b.s.base, e.ID)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := strings.ToLower(strings.TrimSpace(n)); k != "" {
				if _, dup := b.countries[k]; !dup {
					b.countries[k] = iri
				}
			}
		}
	}
}

// country resolves a country name to the country's IRI, from the record
// alone, never from what the store holds (so that the stored graph does not
// depend on the order of ingest): a country the record lists under that
// name or alias, else the country of the gazetteer by that name (with the
// key the lexical extractor gives it), else an IRI minted from the name.
// A country the record does not list gets its type and name written, so
// that its IRI is never a bare node.
func (b *builder) country(name string) quad.IRI {
	name = strings.TrimSpace(name)
	k := strings.ToLower(name)
	if iri, ok := b.countries[k]; ok {
		return iri
	}
	iri, canonical := b.namedCountry(name)
	b.countries[k] = iri
	if !b.described[iri] {
		b.described[iri] = true
		b.describe(iri, schema.Type, schema.Country)
		b.name(iri, canonical)
	}
	return iri
}

// namedCountry returns the IRI of a country the record does not list, and
// its name: the gazetteer's country by that name or alias, else a country
// of that name under <base>entity/country/name/.
func (b *builder) namedCountry(name string) (quad.IRI, string) {
	if key, canonical, ok := extract.CountryKey(name); ok {
		return schema.EntityIRI(b.s.base, schema.EntityID(key)), canonical
	}
	return schema.EntityIRI(b.s.base, schema.EntityID("country/name/"+url.PathEscape(strings.ToLower(name)))), name
}

// countryValue is the object of a ng:country fact: the country's IRI
// (nil for a country itself, or no name).
func (b *builder) countryValue(s quad.IRI, name string) quad.Value {
	if strings.TrimSpace(name) == "" {
		return nil
	}
	iri := b.country(name)
	if iri == s {
		return nil // a country is not in itself
	}
	b.f.addLocalUp(s, iri)
	return iri
}

func (b *builder) entity(e *extract.Entity) error {
	if e.ID == "" {
		return fmt.Errorf("entity %q has no id", e.Name)
	}
	iri := schema.EntityIRI(b.s.base, e.ID)
	b.described[iri] = true
	if e.Class != "" {
		class, _, err := schema.EntityClass(e.Class)
		if err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		b.describe(iri, schema.Type, class)
	}
	b.name(iri, e.Name)
	for _, a := range e.Aliases {
		if !strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(e.Name)) {
			b.describeString(iri, schema.Alias, a)
		}
	}
	b.describeString(iri, schema.Subtype, e.Type)
	b.describe(iri, schema.CountryOf, b.countryValue(iri, e.Country))
	if e.Within != nil && e.Within.ID != "" {
		up, err := b.ref(*e.Within)
		if err != nil {
			return err
		}
		if up != iri {
			b.describe(iri, schema.LocatedIn, up)
			b.f.addLocalUp(iri, up)
		}
	}
	if w := strings.TrimSpace(e.Wikidata); w != "" {
		b.describe(iri, schema.SameAs, schema.WikidataIRI(w))
	}
	if e.Lat != nil && e.Lon != nil {
		b.describe(iri, schema.Lat, schema.Decimal(*e.Lat))
		b.describe(iri, schema.Lon, schema.Decimal(*e.Lon))
	}
	b.add(iri, schema.MentionedIn, b.doc)
	return nil
}

// ref returns the IRI of an entity reference, writing the reference's own
// class, name and country for entities the record does not list.
func (b *builder) ref(r extract.Ref) (quad.IRI, error) {
	if r.ID == "" {
		return "", fmt.Errorf("reference to %q has no id", r.Name)
	}
	iri := schema.EntityIRI(b.s.base, r.ID)
	b.add(iri, schema.MentionedIn, b.doc)
	if b.described[iri] {
		return iri, nil
	}
	b.described[iri] = true
	if r.Class != "" {
		class, _, err := schema.EntityClass(r.Class)
		if err != nil {
			return "", fmt.Errorf("reference %s: %w", r.ID, err)
		}
		b.describe(iri, schema.Type, class)
	}
	b.name(iri, r.Name)
	b.describe(iri, schema.CountryOf, b.countryValue(iri, r.Country))
	return iri, nil
}

// name records that the document names entity iri so: its entry in the
// support index of the fact iri ng:name name. Which spelling is stored as
// the entity's ng:name, and which as aliases, is settled from every
// spelling the documents give it (settleNames), not from this record
// alone.
func (b *builder) name(iri quad.IRI, name string) {
	name = strings.TrimSpace(name)
	if name == "" || !b.valid(iri, schema.Name, quad.String(name)) {
		return
	}
	t := quad.Quad{Subject: iri, Predicate: schema.Name, Object: quad.String(name)}
	if b.seen[t] {
		return
	}
	b.seen[t] = true
	b.names[iri] = append(b.names[iri], name)
	b.inSet(iri, schema.Name, quad.String(name))
}

func (b *builder) refs(rs []extract.Ref) ([]quad.IRI, error) {
	out := make([]quad.IRI, 0, len(rs))
	for _, r := range rs {
		iri, err := b.ref(r)
		if err != nil {
			return nil, err
		}
		out = append(out, iri)
	}
	return out, nil
}

// details writes what report r's document says of its event besides
// what is asked by predicate (schema.Detailed: the keys of the facts of
// its event it states, its date text, confidence and evidence spans) as
// one literal on the report (schema.DetailsValue).
func (b *builder) details(r *report) {
	rep, ev := r.iri, r.ev
	var qs []quad.Quad
	seen := map[quad.Quad]bool{}
	add := func(p quad.IRI, o quad.Value) {
		q := quad.Quad{Subject: rep, Predicate: p, Object: o, Label: b.doc}
		if !seen[q] && b.valid(rep, p, o) {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	if len(r.keys) > 0 {
		add(schema.StatesFacts, schema.FactKeysValue(r.keys))
	}
	if ev.DateText != nil {
		if t := strings.TrimSpace(*ev.DateText); t != "" {
			add(schema.DateText, quad.String(t))
		}
	}
	if ev.Confidence != 0 {
		add(schema.Confidence, schema.Decimal(ev.Confidence))
	}
	for _, sp := range ev.Evidence {
		add(schema.EvidenceOf, schema.EvidenceSpan(sp.Sentence, sp.Start, sp.End, sp.Text))
	}
	if len(qs) == 0 || b.err != nil {
		return
	}
	v, ok := schema.DetailsValue(qs)
	if !ok {
		b.err = errors.New("a report detail the details literal cannot carry")
		return
	}
	b.add(rep, schema.DetailsOf, v)
	for _, q := range qs {
		if q.Predicate == schema.EvidenceOf {
			b.detailSpans[q.Object] = true
		}
	}
}

// events turns each event of the record into a report (the n-th event is
// schema.ReportIRI's n-th report of the document, whatever its key), fuses
// it with an event node, and writes the report, the event node's facts
// and the direct edges. An event's key names it only within the record,
// for the RetaliationFor of another: byKey leads from it to the event
// node the report joined.
func (b *builder) events() error {
	byKey := map[string]quad.IRI{}
	for n := range b.rec.Events {
		ev := &b.rec.Events[n]
		r, err := b.newReport(n, ev)
		if err != nil {
			return fmt.Errorf("event %d: %w", n, err)
		}
		b.f.assign(r)
		b.reports = append(b.reports, r)
		if ev.ID != "" {
			byKey[ev.ID] = r.event
		}
	}
	for _, r := range b.reports {
		b.writeReport(r, byKey)
	}
	return b.err
}

func (b *builder) newReport(n int, ev *extract.Event) (*report, error) {
	typ, _, err := schema.EventClass(ev.Type)
	if err != nil {
		return nil, err
	}
	r := &report{n: n, ev: ev, typ: typ, iri: schema.ReportIRI(b.s.base, b.rec.Doc.ID, n)}
	if r.actors, err = b.refs(ev.Actors); err != nil {
		return nil, err
	}
	if r.agents, err = b.refs(ev.Agents); err != nil {
		return nil, err
	}
	if r.targets, err = b.refs(ev.Targets); err != nil {
		return nil, err
	}
	if r.places, err = b.refs(ev.Places); err != nil {
		return nil, err
	}
	if ev.Country != nil && ev.Country.ID != "" {
		if r.country, err = b.ref(*ev.Country); err != nil {
			return nil, err
		}
	}
	if ev.Date != nil && ev.DatePrecision != extract.DateInferred {
		// An inferred date is the publication day, which the store
		// already reads as the anchor of an undated report (fuser.match):
		// kept as a date it would outvote the reports that state one.
		r.date = strings.TrimSpace(*ev.Date)
	}
	r.fig = figures{date: r.date, killed: ev.Killed, killedMax: ev.KilledMax, injured: ev.Injured, injuredMax: ev.InjuredMax}
	if p := b.rec.Doc.Published; p != nil {
		r.fig.anchor = publicationDay(*p)
	}
	return r, nil
}

func (b *builder) writeReport(r *report, byKey map[string]quad.IRI) {
	ev, e, rep := r.ev, r.event, r.iri

	// The shared event node: what this document says about the event,
	// supported by the report's statesFacts literal.
	b.state(r, schema.Type, schema.Event)
	b.state(r, schema.Type, r.typ)
	b.stateString(r, schema.Subtype, ev.Subtype)
	b.stateString(r, schema.Cameo, ev.Cameo)
	for _, a := range r.actors {
		b.state(r, schema.Actor, a)
	}
	for _, a := range r.agents {
		b.state(r, schema.Agent, a)
	}
	for _, t := range r.targets {
		b.state(r, schema.Target, t)
	}
	for _, t := range ev.TargetText {
		b.stateString(r, schema.TargetText, t)
	}
	for _, p := range r.places {
		b.state(r, schema.PlaceOf, p)
	}
	if r.country != "" {
		b.state(r, schema.EventCountry, r.country)
	}
	for _, w := range ev.Weapons {
		b.stateString(r, schema.Weapon, strings.ToLower(w))
	}
	b.stateString(r, schema.Operation, ev.Operation)
	if rf := strings.TrimSpace(ev.RetaliationFor); rf != "" {
		// The event it names may move with fusion: an entry of its own.
		if iri, ok := byKey[rf]; ok && iri != e {
			b.share(e, schema.RetaliationFor, iri)
		} else if !ok {
			b.share(e, schema.RetaliationFor, quad.String(rf))
		}
	}

	// The report: this document's own figures and evidence.
	// A report is the subject of its ng:reportOf; it has no rdf:type
	// quad (the class is implied, as its IRI says).
	b.add(rep, schema.ReportOf, e)
	b.add(rep, schema.ReportedBy, b.doc)
	if r.date != "" {
		b.add(rep, schema.Date, schema.DateValue(r.date))
	}
	b.addInt(rep, schema.Killed, ev.Killed)
	b.addInt(rep, schema.KilledMax, ev.KilledMax)
	b.addInt(rep, schema.Injured, ev.Injured)
	b.addInt(rep, schema.InjuredMax, ev.InjuredMax)
	b.details(r)

	b.directEdges(r)
}

// directEdges writes the one-hop edges from the event's actors: struck and
// struckIn for attacks, the type's own edge (condemned, summoned…) for
// other acts, met between the participants of a meeting.
func (b *builder) directEdges(r *report) {
	edge, ok := schema.DirectEdge(r.typ)
	if !ok {
		return
	}
	link := func(from []quad.IRI, p quad.IRI, to []quad.IRI) {
		for _, a := range from {
			for _, t := range to {
				if a != t {
					b.share(a, p, t)
				}
			}
		}
	}
	doers := append(append([]quad.IRI(nil), r.actors...), r.agents...)
	switch r.typ {
	case schema.Attack:
		link(doers, schema.Struck, r.targets)
		if r.country != "" {
			link(doers, schema.Struck, []quad.IRI{r.country})
		}
		link(doers, schema.StruckIn, r.places)
	case schema.Meet:
		all := append(append([]quad.IRI(nil), r.actors...), r.targets...)
		link(all, edge, all)
	case schema.CancelVisit:
		link(doers, edge, r.targets)
		link(doers, edge, r.places)
	default:
		link(doers, edge, r.targets)
	}
}

// relation writes a relation as a direct edge, plus a reified statement
// that carries its evidence.
func (b *builder) relation(n int, rel *extract.Relation) error {
	p, _, err := schema.RelationPredicate(rel.Predicate)
	if err != nil {
		return fmt.Errorf("relation %d: %w", n, err)
	}
	subj, err := b.ref(rel.Subject)
	if err != nil {
		return fmt.Errorf("relation %d: %w", n, err)
	}
	var obj quad.Value
	switch {
	case rel.Object.Ref != nil:
		o, err := b.ref(*rel.Object.Ref)
		if err != nil {
			return fmt.Errorf("relation %d: %w", n, err)
		}
		if p == schema.LocatedIn && o != subj {
			b.f.addLocalUp(subj, o)
		}
		obj = o
	case strings.TrimSpace(rel.Object.Value) == "":
		return fmt.Errorf("relation %d (%s): empty object", n, rel.Predicate)
	case p == schema.FoundedIn:
		obj = schema.DateValue(strings.TrimSpace(rel.Object.Value))
	default:
		obj = quad.String(strings.TrimSpace(rel.Object.Value))
	}
	if obj == subj {
		return nil
	}
	b.share(subj, p, obj)
	b.statement(n, subj, p, obj, rel.Evidence)
	return nil
}

// statement records the reified n-th relation of the document, listed in
// its relations literal (writeStatements) rather than as a node of its own.
func (b *builder) statement(n int, subj, p quad.IRI, obj quad.Value, spans []extract.Span) {
	if !b.valid(subj, p, obj) {
		return
	}
	st := schema.Reified{N: n, Subject: subj, Predicate: p, Object: obj}
	seen := map[quad.Value]bool{}
	for _, sp := range spans {
		e := schema.EvidenceSpan(sp.Sentence, sp.Start, sp.End, sp.Text)
		if !seen[e] && b.valid(b.doc, schema.EvidenceOf, e) {
			seen[e] = true
			st.Evidence = append(st.Evidence, e)
		}
	}
	b.statements = append(b.statements, st)
}

// writeStatements writes the document's relations literal
// (schema.RelationsValue), if it states any relation: a span that a
// report's details list is written as its reference.
func (b *builder) writeStatements() {
	if len(b.statements) == 0 || b.err != nil {
		return
	}
	v, ok := schema.RelationsValue(b.s.base, b.statements, func(e quad.Value) bool { return b.detailSpans[e] })
	if !ok {
		b.err = errors.New("a relation the relations literal cannot carry")
		return
	}
	b.add(b.doc, schema.RelationsOf, v)
}

// apply writes deltas in one transaction.
func (s *Store) apply(ctx context.Context, deltas []graph.Delta, opts graph.IgnoreOpts) error {
	return s.qs.ApplyDeltas(deltas, opts)
}
