#!/bin/sh
# Rebuilds the explorer's generated assets, which are committed so that
# `go build` needs neither npm nor the network:
#
#   web/static/world.json          country outlines for the map, converted
#                                  from the npm package world-atlas
#                                  (countries-50m.json) by web/internal/worldgen
#   web/static/LICENSE.world-atlas its licence (ISC; the data is Natural
#                                  Earth's, in the public domain)
#   web/static/examples/           copies of examples/queries, offered by
#                                  the query box
#
# Run from anywhere: sh web/build.sh (needs npm with registry access, and
# Go). `sh web/build.sh examples` (or `go generate ./web`) only copies the
# example queries, without npm; TestExamplesInSync fails until it is run
# after examples/queries changes.
set -eu
WORLD_ATLAS_VERSION=2.0.2
root=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$root/web/static/examples"
mkdir -p "$root/web/static/examples"
cp "$root"/examples/queries/*.js "$root"/examples/queries/*.graphql "$root/web/static/examples/"
echo "web/build.sh: $(ls "$root/web/static/examples" | wc -l) example queries copied"
if [ "${1:-}" = examples ]; then
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$WORLD_ATLAS_VERSION" >/dev/null && tar xzf "world-atlas-$WORLD_ATLAS_VERSION.tgz")
(cd "$root" && go run ./web/internal/worldgen -in "$tmp/package/countries-50m.json" -out web/static/world.json)
cp "$tmp/package/LICENSE" "$root/web/static/LICENSE.world-atlas"
echo "web/build.sh: world.json from world-atlas@$WORLD_ATLAS_VERSION"
