#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml for real: a throwaway git repository whose .pre-commit-config.yaml points at
# this repository (a local path, pinned to a commit) must refuse a commit with a bad config, with hplint's
# message, and accept a good one; then it times the hook on a commit of 20 configs.
#
# Needs `pre-commit` (Debian: apt-get install pre-commit). pre-commit builds the hook with `npm install` +
# `npm pack` in its own clone, then `npm install -g` of the packed tarball: npm reads what it can from its
# cache (prefer-offline), so once the cache holds the hook's dependencies — `npm ci` of this repository
# puts every locked package there; the global install also needs their registry metadata, cached by a
# first run — it builds without the network (`npm_config_offline=true` makes that strict). .ci/run runs
# this on every change; by hand:
#   scripts/test-pre-commit.sh            # tests HEAD (commit your changes first)
#   HPLINT_REV=<sha> scripts/test-pre-commit.sh
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
REV=${HPLINT_REV:-$(git -C "$REPO" rev-parse HEAD)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hplint-pre-commit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# A PRE_COMMIT_HOME of your own keeps the built hook environment between runs.
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$WORK/cache}"
# @tensorflow/tfjs-node is optional and its install downloads libtensorflow; `hplint check` never loads it.
export npm_config_omit=optional npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false
# pre-commit before pre-commit/pre-commit#3460 (Debian's 3.0.4) takes all of `npm pack`'s stdout as the
# tarball name, and npm prints the `prepare` (tsc) banner there: a silent npm prints the name alone.
export npm_config_loglevel=silent

fail() { echo "FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
hplint_bin() { node "$REPO/bin/hplint.js" "$@"; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

git init -q "$WORK/project"
cd "$WORK/project"
git config user.email hplint@example.com
git config user.name hplint
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $REPO
    rev: $REV
    hooks:
      - id: hplint
      - id: hplint-fix
        stages: [manual]
EOF
git add .pre-commit-config.yaml
git commit -qm "pre-commit config"
pre-commit install >/dev/null

start=$(now)
pre-commit install-hooks >"$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log"; fail "pre-commit could not build the hook environment"; }
echo "hook environment built in $(seconds "$start" "$(now)") s (pre-commit clone, npm install, npm pack of $REV)"

# 1. A config with an error (a learning rate of 0) must stop the commit, with hplint's own message.
cat > bad.yaml <<'EOF'
optimizer:
  name: adam
  learningRate: 0
EOF
git add bad.yaml
if git commit -qm "bad config" >"$WORK/bad.log" 2>&1; then cat "$WORK/bad.log"; fail "the commit of bad.yaml succeeded"; fi
grep -q 'bad.yaml' "$WORK/bad.log" && grep -q 'invalid-value' "$WORK/bad.log" || { cat "$WORK/bad.log"; fail "no hplint message"; }
echo "ok: bad config refused:"
sed -n '/bad.yaml/,/problem/p' "$WORK/bad.log" | sed 's/^/    /'
git rm -q --cached bad.yaml
rm bad.yaml

# 2. A good config commits.
cat > good.yaml <<'EOF'
optimizer:
  name: adam
  learningRate: 0.001
training:
  batchSize: 32
  epochs: 20
EOF
git add good.yaml
git commit -qm "good config" >"$WORK/good.log" 2>&1 || { cat "$WORK/good.log"; fail "the commit of good.yaml was refused"; }
echo "ok: good config committed"

# 3. hplint-fix (a manual stage here, so it does not run on the other commits) rewrites 2e-5 as 2.0e-5, which
#    YAML 1.1 loaders read as a number; pre-commit fails a run that modified files, and the next one passes.
printf 'optimizer:\n  name: adam\n  learningRate: 2e-5  # from the paper\n' > fixable.yaml
git add fixable.yaml
if pre-commit run hplint-fix --hook-stage manual --files fixable.yaml >"$WORK/fix.log" 2>&1; then cat "$WORK/fix.log"; fail "hplint-fix did not report a change"; fi
grep -q 'learningRate: 2.0e-5  # from the paper' fixable.yaml || { cat "$WORK/fix.log" fixable.yaml; fail "hplint-fix did not fix fixable.yaml"; }
pre-commit run hplint-fix --hook-stage manual --files fixable.yaml >"$WORK/fix2.log" 2>&1 || { cat "$WORK/fix2.log"; fail "hplint-fix changed fixable.yaml twice"; }
echo "ok: hplint-fix rewrote 2e-5 as 2.0e-5 (comment kept), and a second run passes"
git rm -q -f --cached fixable.yaml
rm fixable.yaml

# 4. The hook's time on a commit of 20 configs (environment already built).
for i in $(seq 1 20); do
  printf 'optimizer:\n  name: sgd\n  learningRate: 0.00%d\n  momentum: 0.9\ntraining:\n  batchSize: %d\n  epochs: 20\n' "$((i % 9 + 1))" "$((16 * i))" > "config-$i.yaml"
done
git add config-*.yaml
TIMEFORMAT='%R s wall, %U s user + %S s system CPU'
echo "ok: 20 configs: git commit with the hplint hook took:"
{ time git commit -qm "20 configs" >"$WORK/twenty.log" 2>&1 || { cat "$WORK/twenty.log"; fail "the commit of 20 configs was refused"; }; } 2>&1 | sed 's/^/    /'
echo "    hplint check on the same 20 files, without pre-commit:"
{ time hplint_bin check config-*.yaml >/dev/null; } 2>&1 | sed 's/^/    /'
echo "    (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
