#!/usr/bin/env bash
# Points the build at the newest IP location data on the npm registry: finds each package's newest version, fetches
# its tarball once to compute the SHA-256 the build checks, and writes both into pom.xml. Review with `git diff pom.xml`,
# then `./mvnw verify` (the tracing tests include ShippedIpDataTest, which reads the new data).
# Needs npm, curl and sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."

update() {
    local package="$1" property="$2" version tarball sha256
    version=$(npm view "@ip-location-db/$package" version)
    tarball=$(npm view "@ip-location-db/$package" dist.tarball)
    sha256=$(curl -fsSL "$tarball" | sha256sum | cut -d' ' -f1)
    sed -i -E \
        -e "s|(<ip-data\.$property\.version>)[^<]*(</)|\1$version\2|" \
        -e "s|(<ip-data\.$property\.sha256>)[^<]*(</)|\1$sha256\2|" \
        pom.xml
    echo "@ip-location-db/$package $version sha256 $sha256"
}

update dbip-country-mmdb dbip-country
update asn asn
