//go:build race

package export

// boltdb/bolt v1.3.1 (used by Cayley's bolt backend) makes unsafe pointer
// conversions that the race detector's checkptr instrumentation rejects with
// a fatal error, so the bolt store is left out of -race runs (run them with
// -gcflags=all=-d=checkptr=0 to include it).
const raceEnabled = true
