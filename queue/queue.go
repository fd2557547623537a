// Package queue spreads documents over worker processes through a NATS
// JetStream work queue: a publisher puts each document on a stream, once
// (its content hash is the message id, so the server drops a second
// copy), and any number of workers, on any machines, take documents from
// a durable consumer that they share, store them and acknowledge each one
// only after it is stored. A document whose worker dies before
// acknowledging it is delivered again, to another worker, after the
// acknowledgement wait.
//
// The stream is a work queue (retention WorkQueuePolicy): a document
// leaves it when a worker acknowledges it.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/extract"
)

// DefaultStream is the name of the stream when Config.Stream is empty.
const DefaultStream = "NEWSGRAPH"

// DefaultAckWait is how long a worker may hold a document without a sign
// of life before it is delivered to another worker, when Config.AckWait
// is 0. Workers signal progress (see Job.Extend) well within it.
const DefaultAckWait = 30 * time.Second

// DuplicateWindow is how long the server remembers a message id to drop
// a second publication of the same document. Past it, a document
// published again is delivered again; the store then finds it unchanged
// (same content hash) and writes nothing.
const DuplicateWindow = time.Hour

// consumerName is the durable consumer that every worker of a stream
// shares: each document goes to one of them.
const consumerName = "newsgraph-workers"

// HeaderDocID is the message header that carries the document id.
const HeaderDocID = "Newsgraph-Doc-Id"

// Config says where the queue is.
type Config struct {
	// URL is the NATS server, nats://HOST:4222 (several, comma
	// separated, for a cluster).
	URL string
	// Stream is the JetStream stream (DefaultStream if empty). Its
	// subject is the stream name followed by ".documents".
	Stream string
	// AckWait is how long a delivered document may go unacknowledged
	// before it is delivered again (DefaultAckWait if 0).
	AckWait time.Duration
}

func (c Config) stream() string {
	if c.Stream == "" {
		return DefaultStream
	}
	return c.Stream
}

// Subject is the subject documents are published on.
func (c Config) Subject() string { return c.stream() + ".documents" }

func (c Config) ackWait() time.Duration {
	if c.AckWait <= 0 {
		return DefaultAckWait
	}
	return c.AckWait
}

// message is the body of one message: a document as package input reads
// it.
type message struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

// Encode returns the message body of doc and its content hash: the hex
// sha256 of the body, which covers the id, the metadata and the text.
func Encode(doc extract.Document) (body []byte, hash string, err error) {
	body, err = json.Marshal(message{doc.ID, doc.Title, doc.URL, doc.Source, doc.Published, doc.Text})
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(body)
	return body, hex.EncodeToString(sum[:]), nil
}

// Decode reads a message body written by Encode.
func Decode(body []byte) (extract.Document, error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return extract.Document{}, fmt.Errorf("queue: bad message: %w", err)
	}
	if m.ID == "" {
		return extract.Document{}, errors.New("queue: bad message: no document id")
	}
	return extract.Document{ID: m.ID, Title: m.Title, URL: m.URL, Source: m.Source, Published: m.Published, Text: m.Text}, nil
}

// Queue is a work queue of documents: what the ingest and worker
// commands need of it.
type Queue interface {
	// Publish queues doc. The server may confirm it later: Flush waits
	// for every confirmation.
	Publish(ctx context.Context, doc extract.Document) error
	// Flush waits until the server has confirmed every document
	// published, and returns the counts so far.
	Flush(ctx context.Context) (PublishStats, error)
	// Take returns up to n documents, waiting up to wait for the first
	// one; none (and no error) if none came.
	Take(ctx context.Context, n int, wait time.Duration) ([]*Job, error)
	// Drained reports whether every document published has been
	// acknowledged (or given up on): none waits, none is held.
	Drained(ctx context.Context) (bool, error)
	// Close closes the connection.
	Close() error
}

// PublishStats counts what Publish did.
type PublishStats struct {
	Published  int // documents the stream took
	Duplicates int // documents the stream already held (same content hash)
}

// Job is one delivery of a document to a worker.
type Job struct {
	Doc extract.Document
	// Hash is the content hash the document was published under.
	Hash string
	// Delivery counts the deliveries of this message, 1 the first time.
	Delivery uint64
	msg      jetstream.Msg
}

// Ack acknowledges the job once its document is stored, and waits for the
// server to confirm: the document then leaves the queue for good.
func (j *Job) Ack(ctx context.Context) error { return j.msg.DoubleAck(ctx) }

// Reject gives the job up for good (a document that cannot be read or
// extracted): it is not delivered again. (A plain terminate: servers
// before NATS 2.10.4, such as Debian 12's 2.9, ignore one that gives a
// reason.)
func (j *Job) Reject() error { return j.msg.Term() }

// Release gives the job back to the queue at once, for another delivery.
func (j *Job) Release() error { return j.msg.Nak() }

// Extend tells the server that the job is still being worked on, which
// restarts its acknowledgement wait.
func (j *Job) Extend() error { return j.msg.InProgress() }

// jetStream is the Queue on a NATS JetStream server.
type jetStream struct {
	cfg     Config
	nc      *nats.Conn
	js      jetstream.JetStream
	cons    jetstream.Consumer // created by the first Take or Drained
	pending []jetstream.PubAckFuture
	stats   PublishStats
}

// Open connects to the server of cfg and creates the stream unless it
// exists. A stream of that name that is not a work queue is an error.
func Open(ctx context.Context, cfg Config) (Queue, error) {
	nc, err := nats.Connect(cfg.URL, nats.Name("newsgraph"))
	if err != nil {
		return nil, fmt.Errorf("queue: %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err == nil {
		err = ensureStream(ctx, js, cfg)
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %s: %w", cfg.URL, err)
	}
	return &jetStream{cfg: cfg, nc: nc, js: js}, nil
}

// ensureStream creates the stream of cfg unless it exists, and checks
// that it is a work queue.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg Config) error {
	s, err := js.Stream(ctx, cfg.stream())
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		s, err = js.CreateStream(ctx, jetstream.StreamConfig{
			Name:        cfg.stream(),
			Description: "newsgraph documents waiting for a worker",
			Subjects:    []string{cfg.Subject()},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Duplicates:  DuplicateWindow,
		})
	}
	if err != nil {
		return fmt.Errorf("stream %s: %w", cfg.stream(), err)
	}
	if r := s.CachedInfo().Config.Retention; r != jetstream.WorkQueuePolicy {
		return fmt.Errorf("stream %s exists with retention %s, not a work queue", cfg.stream(), r)
	}
	return nil
}

// Delete removes the stream of cfg and every document in it.
func Delete(ctx context.Context, cfg Config) error {
	nc, err := nats.Connect(cfg.URL, nats.Name("newsgraph"))
	if err != nil {
		return fmt.Errorf("queue: %s: %w", cfg.URL, err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err == nil {
		err = js.DeleteStream(ctx, cfg.stream())
	}
	if err != nil {
		return fmt.Errorf("queue: delete stream %s: %w", cfg.stream(), err)
	}
	return nil
}

// maxUnconfirmed is the number of publications Publish leaves
// unconfirmed before it waits for the server.
const maxUnconfirmed = 256

func (q *jetStream) Publish(ctx context.Context, doc extract.Document) error {
	body, hash, err := Encode(doc)
	if err != nil {
		return err
	}
	msg := nats.NewMsg(q.cfg.Subject())
	msg.Data = body
	msg.Header.Set(jetstream.MsgIDHeader, hash)
	msg.Header.Set(HeaderDocID, doc.ID)
	f, err := q.js.PublishMsgAsync(msg)
	if err != nil {
		return fmt.Errorf("queue: publish %s: %w", doc.ID, err)
	}
	q.pending = append(q.pending, f)
	if len(q.pending) >= maxUnconfirmed {
		_, err = q.Flush(ctx)
	}
	return err
}

func (q *jetStream) Flush(ctx context.Context) (PublishStats, error) {
	defer func() { q.pending = q.pending[:0] }()
	var errs []error
	for _, f := range q.pending {
		select {
		case ack := <-f.Ok():
			if ack.Duplicate {
				q.stats.Duplicates++
			} else {
				q.stats.Published++
			}
		case err := <-f.Err():
			errs = append(errs, fmt.Errorf("queue: publish %s: %w", f.Msg().Header.Get(HeaderDocID), err))
		case <-ctx.Done():
			return q.stats, ctx.Err()
		}
	}
	return q.stats, errors.Join(errs...)
}

// consumer returns the shared durable consumer, creating it (or updating
// its acknowledgement wait) the first time.
func (q *jetStream) consumer(ctx context.Context) (jetstream.Consumer, error) {
	if q.cons != nil {
		return q.cons, nil
	}
	c, err := q.js.CreateOrUpdateConsumer(ctx, q.cfg.stream(), jetstream.ConsumerConfig{
		Durable:       consumerName,
		Description:   "newsgraph workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.ackWait(),
		FilterSubject: q.cfg.Subject(),
		MaxAckPending: 4096,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer of %s: %w", q.cfg.stream(), err)
	}
	q.cons = c
	return c, nil
}

func (q *jetStream) Take(ctx context.Context, n int, wait time.Duration) ([]*Job, error) {
	c, err := q.consumer(ctx)
	if err != nil {
		return nil, err
	}
	// Whatever is there at once, up to n; else the first to come within
	// wait, topped up with what came meanwhile.
	jobs, err := collect(c.FetchNoWait(n))
	if len(jobs) > 0 || err != nil {
		return jobs, err
	}
	wctx, cancel := context.WithTimeout(ctx, max(wait, 100*time.Millisecond))
	defer cancel()
	jobs, err = collect(c.Fetch(1, jetstream.FetchContext(wctx)))
	if ctx.Err() != nil {
		return jobs, ctx.Err()
	}
	if len(jobs) == 0 || err != nil || n == 1 {
		return jobs, err
	}
	more, err := collect(c.FetchNoWait(n - 1))
	return append(jobs, more...), err
}

// collect reads a fetched batch into jobs. A message that cannot be
// decoded is rejected and left out.
func collect(b jetstream.MessageBatch, err error) ([]*Job, error) {
	if err != nil {
		return nil, fmt.Errorf("queue: fetch: %w", err)
	}
	var jobs []*Job
	for m := range b.Messages() {
		doc, derr := Decode(m.Data())
		if derr != nil {
			m.Term()
			continue
		}
		j := &Job{Doc: doc, Hash: m.Headers().Get(jetstream.MsgIDHeader), Delivery: 1, msg: m}
		if md, err := m.Metadata(); err == nil {
			j.Delivery = md.NumDelivered
		}
		jobs = append(jobs, j)
	}
	if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return jobs, fmt.Errorf("queue: fetch: %w", err)
	}
	return jobs, nil
}

func (q *jetStream) Drained(ctx context.Context) (bool, error) {
	c, err := q.consumer(ctx)
	if err != nil {
		return false, err
	}
	info, err := c.Info(ctx)
	if err != nil {
		return false, fmt.Errorf("queue: consumer of %s: %w", q.cfg.stream(), err)
	}
	return info.NumPending == 0 && info.NumAckPending == 0, nil
}

func (q *jetStream) Close() error {
	q.nc.Close()
	return nil
}
