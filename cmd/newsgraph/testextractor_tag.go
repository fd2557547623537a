//go:build newsgraph_cmdtest

package main

import "github.com/newsgraph/newsgraph/cmd/newsgraph/internal/testextractor"

// Binaries built with the tag newsgraph_cmdtest, for the command's tests,
// know the test extractor.
func init() { testextractor.Register() }
