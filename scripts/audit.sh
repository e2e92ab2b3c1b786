#!/usr/bin/env bash
# Dependency audit of the locked environment (uv.lock) with pip-audit.
#
# pip-audit runs in its own throw-away tool environment (uv tool run): it cannot be installed
# into the project environment because Rasa 3.6 pins packaging<21.
#
# Usage:  scripts/audit.sh
# Environment:
#   AUDIT_SERVICE       pypi (default) or osv: the vulnerability service pip-audit asks
#   PIP_AUDIT_VERSION   pip-audit version to run (default 2.10.1)
#   AUDIT_OSV_URL       OSV query endpoint for AUDIT_SERVICE=osv (default
#                       https://api.osv.dev/v1/query), e.g. an internal mirror
#   AUDIT_REPORT        if set, copy pip-audit's JSON report to this path
#   UV                  path to uv (default: .tools/bin/uv, then uv on PATH)
#   AUDIT_SKIP_PREFLIGHT=1  skip the reachability check (diagnostics; the report is still
#                       checked, so an unusable service still ends in exit code 3)
#
# Exit codes:
#   0  every locked package was audited; no vulnerabilities except allowlisted ones
#   1  vulnerabilities found (not in scripts/audit-ignore.txt)
#   2  setup error: uv missing, lock export failed, pip-audit did not produce a report
#   3  vulnerability service unreachable or unusable: NOTHING was audited
#   4  audit incomplete: some packages could not be audited (no vulnerabilities in the rest)
#
# Known findings that cannot be fixed under Rasa 3.6's pins go in scripts/audit-ignore.txt,
# one "ID  # reason" per line; they are passed to pip-audit as --ignore-vuln.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2

SERVICE="${AUDIT_SERVICE:-pypi}"
OSV_URL="${AUDIT_OSV_URL:-https://api.osv.dev/v1/query}"
PIP_AUDIT_VERSION="${PIP_AUDIT_VERSION:-2.10.1}"
IGNORE_FILE="$ROOT/scripts/audit-ignore.txt"

say() { printf 'audit: %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
find_uv() {
    local candidate
    for candidate in "${UV:-}" "$ROOT/.tools/bin/uv" "$(command -v uv 2>/dev/null || true)"; do
        # pyenv shims exist on PATH even when no uv is behind them; check it really runs.
        if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" --version >/dev/null 2>&1; then
            printf '%s' "$candidate"
            return 0
        fi
    done
    return 1
}

UV_BIN="$(find_uv)" || { say "uv not found (looked for \$UV, .tools/bin/uv and uv on PATH)"; exit 2; }

PY_BIN=""
for candidate in "$ROOT/.venv/bin/python" "$(command -v python3 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then PY_BIN="$candidate"; break; fi
done
[[ -n "$PY_BIN" ]] || { say "no Python found to read the report (.venv/bin/python or python3)"; exit 2; }

case "$SERVICE" in
    pypi|osv) ;;
    *) say "AUDIT_SERVICE must be 'pypi' or 'osv', not '$SERVICE'"; exit 2 ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# --- 1. the locked requirements --------------------------------------------------------------
if ! "$UV_BIN" export --frozen --no-hashes --format requirements-txt --all-groups \
        --no-emit-project --quiet -o "$WORK/requirements.txt"; then
    say "could not export uv.lock (is it up to date with pyproject.toml?)"
    exit 2
fi
PACKAGES="$(grep -cE '^[A-Za-z0-9]' "$WORK/requirements.txt" || true)"
say "exported $PACKAGES locked packages from uv.lock"

# --- 2. can we reach the vulnerability service at all? ---------------------------------------
# pip-audit's pypi service asks https://pypi.org/pypi/<name>/<version>/json per package; a
# mirror or filtering proxy that only serves /simple makes every package "not found", and
# pip-audit then prints "No known vulnerabilities found" and exits 0. Check first.
if [[ "${AUDIT_SKIP_PREFLIGHT:-0}" != "1" ]] && ! "$PY_BIN" - "$SERVICE" "$OSV_URL" <<'PY'
import json, sys, urllib.error, urllib.request

service, osv_url = sys.argv[1], sys.argv[2]
if service == "pypi":
    request = urllib.request.Request("https://pypi.org/pypi/pip/24.0/json")
    name = "PyPI JSON API (https://pypi.org/pypi/<package>/<version>/json)"
else:
    body = json.dumps({"package": {"name": "pip", "ecosystem": "PyPI"}, "version": "24.0"})
    request = urllib.request.Request(
        osv_url, data=body.encode(), headers={"Content-Type": "application/json"},
    )
    name = f"OSV API ({osv_url})"
try:
    with urllib.request.urlopen(request, timeout=20) as response:
        json.load(response)
except urllib.error.HTTPError as error:
    print(f"audit: {name} answered HTTP {error.code}", file=sys.stderr)
    sys.exit(1)
except Exception as error:  # DNS, TLS, timeout, proxy, bad JSON
    print(f"audit: {name} unreachable: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
PY
then
    say "VULNERABILITY SERVICE UNREACHABLE ($SERVICE): nothing was audited."
    say "Run this script where the service is reachable, or choose another one (AUDIT_SERVICE=osv,"
    say "AUDIT_OSV_URL=<mirror>). Exit code 3 means: no audit result at all."
    exit 3
fi

# --- 3. allowlist ---------------------------------------------------------------------------
IGNORE_ARGS=()
IGNORED_IDS=()
if [[ -f "$IGNORE_FILE" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
        id="${line%%#*}"
        id="$(printf '%s' "$id" | tr -d '[:space:]')"
        [[ -z "$id" ]] && continue
        IGNORE_ARGS+=(--ignore-vuln "$id")
        IGNORED_IDS+=("$id")
    done < "$IGNORE_FILE"
fi
say "allowlisted in scripts/audit-ignore.txt: ${#IGNORED_IDS[@]}${IGNORED_IDS[*]:+ (${IGNORED_IDS[*]})}"

# --- 4. pip-audit in its own tool environment --------------------------------------------------
say "running pip-audit $PIP_AUDIT_VERSION against the $SERVICE service (uv tool run)"
"$UV_BIN" tool run --quiet --from "pip-audit==$PIP_AUDIT_VERSION" pip-audit \
    --requirement "$WORK/requirements.txt" --no-deps --disable-pip \
    --vulnerability-service "$SERVICE" --osv-url "$OSV_URL" --progress-spinner off \
    --format json --output "$WORK/audit.json" \
    "${IGNORE_ARGS[@]}" 2> "$WORK/pip-audit.stderr"
PIP_AUDIT_RC=$?

if [[ ! -s "$WORK/audit.json" ]]; then
    sed 's/^/pip-audit: /' "$WORK/pip-audit.stderr" >&2
    if grep -qiE 'connection|resolve|timed? ?out|max retries|ssl|proxy|service' "$WORK/pip-audit.stderr"; then
        say "VULNERABILITY SERVICE UNREACHABLE during the run (pip-audit exit $PIP_AUDIT_RC): nothing was audited."
        exit 3
    fi
    say "pip-audit produced no report (exit $PIP_AUDIT_RC)"
    exit 2
fi
[[ -n "${AUDIT_REPORT:-}" ]] && cp "$WORK/audit.json" "$AUDIT_REPORT" && say "JSON report: $AUDIT_REPORT"

# --- 5. read the report: findings, skipped packages, verdict -----------------------------------
"$PY_BIN" - "$WORK/audit.json" <<'PY'
import json, sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
deps = report.get("dependencies", [])
skipped = [d for d in deps if d.get("skip_reason")]
audited = [d for d in deps if not d.get("skip_reason")]
findings = [(d, v) for d in audited for v in d.get("vulns", [])]

print(f"\naudited {len(audited)} of {len(deps)} packages; {len(skipped)} skipped; "
      f"{len(findings)} finding(s)")
if findings:
    print(f"\n{'package':24} {'version':12} {'id':22} {'fixed in':18} aliases")
    for dep, vuln in sorted(findings, key=lambda f: (f[0]["name"], f[1]["id"])):
        print(f"{dep['name']:24} {dep['version']:12} {vuln['id']:22} "
              f"{','.join(vuln.get('fix_versions', [])) or '-':18} "
              f"{','.join(vuln.get('aliases', []))}")
if skipped:
    reasons = {}
    for dep in skipped:
        reasons.setdefault(dep["skip_reason"].split(":")[0], []).append(dep["name"])
    print("\nnot audited:")
    for reason, names in reasons.items():
        shown = ", ".join(names[:12]) + (f", … (+{len(names) - 12})" if len(names) > 12 else "")
        print(f"  {reason}: {shown}")

if not audited:
    print("\nVULNERABILITY SERVICE UNUSABLE: it answered for none of the packages; "
          "nothing was audited. This is NOT a clean result.", file=sys.stderr)
    sys.exit(3)
if findings:
    print("\nVULNERABILITIES FOUND. Fix them, or if Rasa 3.6's pins make that impossible, add "
          "'ID  # reason' to scripts/audit-ignore.txt.", file=sys.stderr)
    sys.exit(1)
if skipped:
    print("\nAUDIT INCOMPLETE: no findings in the audited packages, but some were skipped.",
          file=sys.stderr)
    sys.exit(4)
print("\nOK: all locked packages audited, no unlisted vulnerabilities.")
sys.exit(0)
PY
