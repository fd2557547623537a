// Package ci tests the scripts of the repository's .ci directory, which
// set up a fresh machine and run the tests there.
package ci
