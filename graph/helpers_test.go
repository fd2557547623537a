package graph

import (
	"context"
	dsql "database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Fixtures: small hand-made records in the shape the extractor produces.

const ent = schema.DefaultBase + "entity/"

func ref(slug, name, class string) extract.Ref {
	return extract.Ref{ID: ent + slug, Name: name, Class: class}
}

var (
	pakistan    = ref("pakistan", "Pakistan", extract.ClassCountry)
	iran        = ref("iran", "Iran", extract.ClassCountry)
	iraq        = ref("iraq", "Iraq", extract.ClassCountry)
	syria       = ref("syria", "Syria", extract.ClassCountry)
	sistan      = ref("sistan-and-baluchestan", "Sistan and Baluchestan", extract.ClassRegion)
	saravan     = ref("saravan", "Saravan", extract.ClassPlace)
	balochistan = ref("balochistan", "Balochistan", extract.ClassRegion)
	kohESabz    = ref("koh-e-sabz", "Koh-e-Sabz", extract.ClassPlace)
	bla         = ref("balochistan-liberation-army", "Balochistan Liberation Army", extract.ClassArmedGroup)
	blf         = ref("baloch-liberation-front", "Baloch Liberation Front", extract.ClassArmedGroup)
	jaish       = ref("jaish-al-adl", "Jaish al-Adl", extract.ClassArmedGroup)
)

func entity(r extract.Ref, country string, within *extract.Ref, aliases ...string) extract.Entity {
	if aliases == nil {
		aliases = []string{}
	}
	return extract.Entity{ID: r.ID, Name: r.Name, Class: r.Class, Country: country, Within: within,
		Aliases: aliases, Confidence: 0.9,
		Mentions: []extract.Span{{Sentence: 0, Start: 0, End: len(r.Name), Text: r.Name}}}
}

// geography lists the entities every fixture record carries, with their
// containment: Saravan lies in Sistan and Baluchestan, which lies in Iran.
func geography() []extract.Entity {
	return []extract.Entity{
		entity(pakistan, "Pakistan", nil, "Pakistani", "Islamabad"),
		entity(iran, "Iran", nil, "Iranian", "Tehran"),
		entity(iraq, "Iraq", nil),
		entity(syria, "Syria", nil),
		entity(sistan, "Iran", &iran, "Sistan-Baluchestan", "Sistan Baluchistan"),
		entity(saravan, "Iran", &sistan),
		entity(balochistan, "Pakistan", &pakistan, "Baluchistan"),
		entity(kohESabz, "Pakistan", &balochistan),
		entity(bla, "", nil, "BLA"),
		entity(blf, "", nil, "BLF"),
		entity(jaish, "", nil, "Army of Justice", "Jaish ul-Adl"),
	}
}

func str(s string) *string { return &s }
func num(n int) *int       { return &n }

func span(text string, sentence, start int) extract.Span {
	return extract.Span{Sentence: sentence, Start: start, End: start + len(text), Text: text}
}

func attack(actor extract.Ref, targets []extract.Ref, places []extract.Ref, country extract.Ref, date string, killed *int, evidence string) extract.Event {
	return extract.Event{
		Type: extract.EventAttack, Subtype: "airstrike", Cameo: "195",
		Actors: []extract.Ref{actor}, Targets: targets, Places: places, Country: &country,
		Date: str(date), DateText: str("Thursday"), Weapons: []string{"drone"},
		Killed: killed, Confidence: 0.9,
		Evidence: []extract.Span{span(evidence, 0, 0)},
	}
}

func diplomatic(typ string, actor, target extract.Ref, evidence string) extract.Event {
	return extract.Event{
		Type: typ, Actors: []extract.Ref{actor}, Targets: []extract.Ref{target},
		Places: []extract.Ref{}, Weapons: []string{}, Confidence: 0.8,
		Evidence: []extract.Span{span(evidence, 3, 200)},
	}
}

func record(id, sha, published string, events []extract.Event, relations ...extract.Relation) *extract.Record {
	return &extract.Record{
		Doc:       extract.DocInfo{ID: id, Title: str("Title of " + id), URL: str("https://news.example/" + id), Published: str(published), SHA256: sha},
		Entities:  geography(),
		Events:    events,
		Relations: relations,
	}
}

// docA reports Pakistan's strike in Iran (9 killed, 18 January), Iran's
// strike in Pakistan two days before, and Iran's condemnation; and two
// relations about Jaish al-Adl.
func docA() *extract.Record {
	return record("a.txt", "sha-a-1", "2024-01-18", []extract.Event{
		attack(pakistan, []extract.Ref{blf, bla}, []extract.Ref{sistan}, iran, "2024-01-18", num(9),
			"At least nine people have been killed after Pakistan said it used drones in a strike on Iranian territory."),
		attack(iran, []extract.Ref{jaish}, []extract.Ref{balochistan}, pakistan, "2024-01-16", num(2),
			"Iran's strikes on Tuesday on Pakistani soil killed two children."),
		diplomatic(extract.EventCondemn, iran, pakistan, "Iran has condemned the airstrikes."),
	},
		extract.Relation{Subject: jaish, Predicate: "seeksIndependenceFor", Object: extract.Object{Ref: &sistan},
			Evidence: []extract.Span{span("Jaish al Adl seeks independence for Sistan.", 12, 900)}},
		extract.Relation{Subject: jaish, Predicate: "foundedIn", Object: extract.Object{Value: "2012"},
			Evidence: []extract.Span{span("Jaish al-Adl is a group founded in 2012.", 14, 1200)}},
	)
}

// docB reports the same strike a day later (7 killed, 3 injured), placed
// in a village of the same province.
func docB() *extract.Record {
	ev := attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-19", num(7),
		"Three women and four children were killed when missiles from Pakistan hit a village near Saravan.")
	ev.Injured = num(3)
	ev.Weapons = []string{"Missile"}
	return record("b.txt", "sha-b-1", "2024-01-19", []extract.Event{ev})
}

// docC reports a different strike by Iran, in Iraq and Syria, a day before
// Iran's strike in Pakistan.
func docC() *extract.Record {
	ev := attack(iran, nil, []extract.Ref{iraq, syria}, iraq, "2024-01-15", nil,
		"Iran also staged air strikes late Monday in Iraq and Syria.")
	ev.Country = nil
	ev.Targets = []extract.Ref{}
	return record("c.txt", "sha-c-1", "2024-01-18", []extract.Event{ev})
}

// Backends.

type backend struct {
	name string
	open func(t *testing.T) *Store
}

func backends() []backend {
	return []backend{
		{"memory", func(t *testing.T) *Store { return openTest(t, Config{Backend: BackendMemory}) }},
		{"bolt", func(t *testing.T) *Store {
			return openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "test.db")})
		}},
		{"postgres", func(t *testing.T) *Store {
			return openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
		}},
	}
}

// forEachBackend runs fn as a subtest on every backend.
func forEachBackend(t *testing.T, fn func(t *testing.T, s *Store)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open(t)) })
	}
}

func openTest(t *testing.T, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%+v): %v", cfg, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var schemaSeq atomic.Int64

// postgresDSN returns a connection string to a fresh schema of the test
// database, dropped when the test ends. Without a reachable server the
// test fails under CI=true and is skipped otherwise.
func postgresDSN(t testing.TB) string {
	t.Helper()
	candidates := []string{
		"postgres://root@127.0.0.1:5432/test?sslmode=disable",
		"postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
	}
	if dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); dsn != "" {
		candidates = []string{dsn}
	}
	var db *dsql.DB
	var dsn string
	var lastErr error
	for _, c := range candidates {
		d, err := dsql.Open("postgres", c)
		if err == nil {
			err = d.Ping()
		}
		if err == nil {
			db, dsn = d, c
			break
		}
		if d != nil {
			d.Close()
		}
		lastErr = err
	}
	if db == nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable: %v", lastErr)
		}
		t.Skipf("PostgreSQL unreachable: %v", lastErr)
	}
	name := fmt.Sprintf("newsgraph_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	for _, stmt := range []string{"DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name} {
		if _, err := db.Exec(stmt); err != nil {
			db.Close()
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	// Registered before the store's Close, so it runs after it.
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return dsn + "&search_path=" + name
}

func mustPut(t *testing.T, s *Store, rec *extract.Record) PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), rec)
	if err != nil {
		t.Fatalf("Put(%s): %v", rec.Doc.ID, err)
	}
	return res
}

func mustEvents(t *testing.T, s *Store, f EventFilter) []extract.Event {
	t.Helper()
	evs, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v): %v", f, err)
	}
	return evs
}

// allQuads reads every quad of the store.
func allQuads(t *testing.T, s *Store) []quad.Quad {
	t.Helper()
	ctx := context.Background()
	it := s.QuadStore().QuadsAllIterator()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.QuadStore().Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// labelled returns the quads of the store labelled with a document.
func labelled(t *testing.T, s *Store, docID string) map[quad.Quad]bool {
	t.Helper()
	doc := schema.DocumentIRI(s.Base(), docID)
	out := map[quad.Quad]bool{}
	for _, q := range allQuads(t, s) {
		if q.Label == doc {
			out[q] = true
		}
	}
	return out
}

// boltDB returns the bolt file under a store of the bolt backend.
func boltDB(t *testing.T, s *Store) *bolt.DB {
	t.Helper()
	f, ok := s.qs.(interface{ DB() *bolt.DB })
	if !ok {
		t.Fatalf("store of %T has no bolt file", s.qs)
	}
	return f.DB()
}

// forgetIDs empties the caches of node ids and values of a bolt store,
// so that the next reads read them from the file.
func forgetIDs(s *Store) { s.qs.(interface{ ResetCache() }).ResetCache() }

// logReads returns the log entries the shared reads of a view of a bolt
// store have read.
func logReads(v *view) int { return v.r.(interface{ LogReads() int }).LogReads() }
