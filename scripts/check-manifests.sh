#!/usr/bin/env bash
# Checks deploy/k8s offline: renders every kustomization with `kubectl kustomize`, validates each rendered object
# (deploy/k8s/check/validate.mjs: Kubernetes schemas, unknown fields, probes, requests and memory limits, image tags),
# and checks that every TaskActors__ configuration key under deploy/ is a property of an options class in src/, or, for
# TaskActors__Membership__*, of Orleans' ClusterMembershipOptions. scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "check-manifests.sh: $*" >&2
  exit 1
}

# kubectl renders the kustomizations; it needs no cluster. Debian's own package of it (kubernetes-client) is
# kubectl 1.20, whose kustomize v2 cannot read them, so only an apt source that offers the `kubectl` package helps.
kubectl="${KUBECTL:-kubectl}"
if ! command -v "$kubectl" >/dev/null 2>&1; then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  if apt-cache policy kubectl 2>/dev/null | grep -qE 'Candidate: [0-9]'; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null
  fi
  command -v "$kubectl" >/dev/null 2>&1 \
    || fail "'$kubectl' not found, and apt has no kubectl package to install. Install kubectl 1.21 or later (kustomize v4+), e.g. from the Kubernetes project's apt repository, or set KUBECTL to one."
fi

# The validator's packages, reinstalled only when the lock file changed.
check=deploy/k8s/check
stamp="$check/node_modules/.installed-lock.sha256"
lock_hash="$(sha256sum "$check/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  (cd "$check" && npm ci --no-audit --no-fund --silent) || fail "npm ci in $check failed"
  echo "$lock_hash" >"$stamp"
fi

# Render a copy, so that each missing git-ignored secret file (token-protection.env, a managed Redis'
# redis-connection.env) can be stood in for by its checked-in X.env.example.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R deploy/k8s/base deploy/k8s/overlays "$work/"
while IFS= read -r example; do
  if [[ ! -f "${example%.example}" ]]; then
    cp "$example" "${example%.example}"
  fi
done < <(find "$work" -name '*.env.example')

rendered=()
while IFS= read -r kustomization; do
  dir="$(dirname "$kustomization")"
  name="${dir#"$work/"}"
  out="$work/${name//\//-}.yaml"
  "$kubectl" kustomize "$dir" >"$out" \
    || fail "kubectl kustomize deploy/k8s/$name failed (above); this needs kubectl 1.21 or later, and '$kubectl' is $("$kubectl" version --client 2>&1 | head -n 1)"
  rendered+=("$out")
done < <(find "$work" -name kustomization.yaml | sort)

node "$check/validate.mjs" "${rendered[@]}" || fail "invalid manifests (above)"

# TaskActors:Membership binds Orleans' own ClusterMembershipOptions (src/Grains/Hosting/ClusterDefaults.cs), which is
# not in src/. These are its public settable properties in Orleans 10.4.2, read by reflection from Orleans.Core.dll.
# Its XML docs also name AllowedIAmAliveMissPeriod and ClusteringShutdownGracePeriod, which configuration cannot set
# (not public), so they are left out. After an Orleans upgrade, list the new version's properties here: when the
# pinned version's XML docs are in the NuGet cache, every name below must still be documented there.
membership_options=(
  DeathVoteExpirationTimeout DefunctSiloCleanupPeriod DefunctSiloExpiration DefunctSiloMinimumRetention
  EnableConnectionLivenessCheck EnableIndirectProbes EvictWhenMaxJoinAttemptTimeExceeded
  ExtendProbeTimeoutDuringDegradation IAmAliveTablePublishTimeout LivenessEnabled LocalHealthDegradationMonitoringPeriod
  MaxDefunctSiloEntries MaxJoinAttemptTime MaxProbeTimeout MinProbeTimeout NumMissedProbesLimit
  NumMissedTableIAmAliveLimit NumProbedSilos NumVotesForDeathDeclaration ProbeTimeout SiloGenerationRetirementAge
  TableRefreshTimeout UseLivenessGossip
)
orleans_version="$(grep -oP '<PackageVersion Include="Microsoft\.Orleans\.Core" Version="\K[^"]+' Directory.Packages.props || true)"
orleans_xml=("${NUGET_PACKAGES:-$HOME/.nuget/packages}"/microsoft.orleans.core/"${orleans_version,,}"/lib/*/Orleans.Core.xml)
if [[ -n "$orleans_version" && -f "${orleans_xml[0]}" ]]; then
  for property in "${membership_options[@]}"; do
    grep -q "\"P:Orleans.Configuration.ClusterMembershipOptions.$property\"" "${orleans_xml[0]}" \
      || fail "ClusterMembershipOptions.$property is listed in scripts/check-manifests.sh but not in Orleans $orleans_version (${orleans_xml[0]}): update membership_options"
  done
fi

# Each TaskActors__<Section>__<Property> key, rendered or written anywhere under deploy/, must name a property of
# the options class whose SectionName is <Section>. Configuration keys are case-insensitive, and so is this check.
missing=0
while IFS= read -r key; do
  rest="${key#*__}"
  section="${rest%%__*}"
  property="${rest#*__}"
  if [[ "${section,,}" == membership ]]; then
    grep -rqE --include='*.cs' --exclude-dir=bin --exclude-dir=obj 'const string SectionName = "Membership";' src \
      || fail "$key: nothing in src/ binds TaskActors:Membership any more (ClusterDefaults.SectionName)"
    if ! printf '%s\n' "${membership_options[@]}" | grep -qixF "$property"; then
      echo "check-manifests.sh: $key: Orleans' ClusterMembershipOptions (TaskActors:Membership) has no settable property $property" >&2
      missing=1
    fi
    continue
  fi
  mapfile -t classes < <(grep -rliE --include='*.cs' --exclude-dir=bin --exclude-dir=obj "const string SectionName = \"$section\";" src)
  if [[ ${#classes[@]} -eq 0 ]] || ! grep -qiE "public [^=;(]+ $property \{ get;" "${classes[@]}"; then
    echo "check-manifests.sh: $key: no options class in src/ with SectionName \"$section\" has a property $property" >&2
    missing=1
  fi
done < <(grep -rhoiE --exclude-dir=node_modules 'TaskActors__[A-Za-z0-9]+__[A-Za-z0-9]+' "${rendered[@]}" deploy | sort -uf)
[[ $missing -eq 0 ]] || fail "configuration keys that the code does not read (above)"
echo "check-manifests.sh: ${#rendered[@]} kustomizations rendered and valid"
