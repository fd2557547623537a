package input

import "hash/maphash"

// idSet remembers the document IDs handed on and where each came from, in
// memory that stays small however many documents a batch holds (an
// archive of millions of articles): the IDs are kept end to end in one
// byte slice, and a table keyed by their hash gives each one's place in
// it and its position (input file and line).
type idSet struct {
	seed     maphash.Seed
	arena    []byte           // every ID, concatenated
	byHash   map[uint64]idPos // the first ID seen with each hash
	clashes  map[string]string
	paths    []string // input files, in order of first use
	pathIdx  map[string]uint32
	lastPath string
	lastIdx  uint32
}

// idPos is where an ID is kept and where its document came from.
type idPos struct {
	off, n     uint32 // the ID is arena[off:off+n]
	path, line uint32
}

// seen returns where id was first seen, if it was.
func (s *idSet) seen(id string) (string, bool) {
	if s.byHash == nil {
		return "", false
	}
	if p, ok := s.byHash[maphash.String(s.seed, id)]; ok && string(s.arena[p.off:p.off+p.n]) == id {
		return where(s.paths[p.path], int(p.line)), true
	}
	w, ok := s.clashes[id]
	return w, ok
}

// add records id as coming from file path at line (0: a whole file).
func (s *idSet) add(id, path string, line int) {
	if s.byHash == nil {
		s.seed = maphash.MakeSeed()
		s.byHash = map[uint64]idPos{}
		s.pathIdx = map[string]uint32{}
	}
	h := maphash.String(s.seed, id)
	if _, taken := s.byHash[h]; taken || len(s.arena)+len(id) > 1<<32-1 {
		// Another ID with the same hash (or an arena of 4 GB): kept
		// as it is.
		if s.clashes == nil {
			s.clashes = map[string]string{}
		}
		s.clashes[id] = where(path, line)
		return
	}
	pi := s.pathIndex(path)
	s.byHash[h] = idPos{off: uint32(len(s.arena)), n: uint32(len(id)), path: pi, line: uint32(line)}
	s.arena = append(s.arena, id...)
}

// pathIndex returns the index of path in s.paths, adding it if new.
func (s *idSet) pathIndex(path string) uint32 {
	if path == s.lastPath && len(s.paths) > 0 {
		return s.lastIdx
	}
	i, ok := s.pathIdx[path]
	if !ok {
		i = uint32(len(s.paths))
		s.paths = append(s.paths, path)
		s.pathIdx[path] = i
	}
	s.lastPath, s.lastIdx = path, i
	return i
}
