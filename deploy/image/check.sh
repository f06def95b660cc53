#!/usr/bin/env bash
# Builds the OCI image with Jib, without a Docker daemon and without a registry, and runs it.
#
# Jib normally pulls its base image (eclipse-temurin:17-jre) from a registry. Where none is
# reachable, this script makes an equivalent base from Debian packages (debootstrap: Debian
# bookworm with openjdk-17-jre-headless), hands it to Jib as a tarball (tar://), builds
# jobs/target/jib-image.tar, unpacks its layers and runs the image's own entrypoint as its own
# user in a chroot: `--version`, `--help`, then the demo (embedded PostgreSQL included). It checks
# the image's user, working directory, volumes and port. Needs root (debootstrap, chroot) and
# Debian's package archive.
#
#   sudo bash deploy/image/check.sh [WORK_DIR]      (default: a temporary folder, removed after)
set -euo pipefail

cd "$(dirname "$0")/../.."
work="${1:-$(mktemp -d -t rca-image-XXXXXX)}"
cleanup() {
  if mountpoint -q "$work/image/proc"; then umount "$work/image/proc"; fi
  # Never remove a folder with the host's /proc still mounted inside it.
  if [ -z "${keep:-}" ] && ! mountpoint -q "$work/image/proc"; then rm -rf "$work"; fi
}
[ -n "${1:-}" ] && keep=1
trap cleanup EXIT
mkdir -p "$work"

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null
fi
if [ ! -x "$work/base/usr/bin/java" ]; then
  echo "making the base image: Debian bookworm + openjdk-17-jre-headless"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm \
    "$work/base" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work"/base/var/cache/apt/archives/*.deb "$work"/base/var/lib/apt/lists/*
fi

# A `docker save` tarball of the base: one layer, its config and manifest.
python3 - "$work" <<'PY'
import hashlib, io, json, os, sys, tarfile
work = sys.argv[1]
layer = os.path.join(work, "layer.tar")
with tarfile.open(layer, "w") as t:
    t.add(os.path.join(work, "base"), arcname=".")
digest = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        digest.update(chunk)
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
}).encode()
name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": name, "RepoTags": ["rca-base:17-jre"], "Layers": ["layer.tar"]}]).encode()
with tarfile.open(os.path.join(work, "base.tar"), "w") as t:
    for entry, data in ((name, config), ("manifest.json", manifest)):
        info = tarfile.TarInfo(entry)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    t.add(layer, arcname="layer.tar")
os.remove(layer)
PY

echo "building the image with Jib (base: tar://$work/base.tar)"
./mvnw -B -q -DskipTests install
./mvnw -B -q -Pimage -pl jobs -DskipTests package jib:buildTar -Djib.from.image="tar://$work/base.tar"

rm -rf "$work/unpacked" "$work/image" && mkdir -p "$work/unpacked" "$work/image"
tar -xf jobs/target/jib-image.tar -C "$work/unpacked"
python3 - "$work/unpacked" <<'PY'
import json, sys
folder = sys.argv[1]
manifest = json.load(open(folder + "/manifest.json"))[0]
config = json.load(open(folder + "/" + manifest["Config"]))["config"]
expected = {"User": "10001:10001", "WorkingDir": "/app"}
for key, value in expected.items():
    assert config.get(key) == value, f"{key}: {config.get(key)!r}, expected {value!r}"
assert set(config["Volumes"]) == {"/app/config", "/app/data", "/app/reports"}, config["Volumes"]
assert "8080/tcp" in config["ExposedPorts"], config["ExposedPorts"]
print("image config: user", config["User"], "workdir", config["WorkingDir"], "volumes", sorted(config["Volumes"]))
open(folder + "/entrypoint", "w").write(" ".join(config["Entrypoint"]))
open(folder + "/layers", "w").write("".join(layer + "\n" for layer in manifest["Layers"]))
PY
while read -r layer; do
  tar -xzf "$work/unpacked/$layer" -C "$work/image" --warning=no-unknown-keyword
done <"$work/unpacked/layers"
entrypoint="$(cat "$work/unpacked/entrypoint")"
mount -t proc proc "$work/image/proc"
version="$(chroot --userspec=10001:10001 "$work/image" /bin/sh -c "cd /app && $entrypoint --version")"
chroot --userspec=10001:10001 "$work/image" /bin/sh -c "cd /app && $entrypoint --help" | grep -q "Commands:"
# The demo with its zero-setup embedded PostgreSQL, as `docker run IMAGE demo` would run it: the
# runtime provides /etc/hosts, and the data and reports volumes are writable by the image's user.
cp /etc/hosts "$work/image/etc/hosts"
mkdir -p "$work/image/app/data" "$work/image/app/reports" "$work/image/tmp"
chown 10001:10001 "$work/image/app/data" "$work/image/app/reports"
chmod 1777 "$work/image/tmp"
chroot --userspec=10001:10001 "$work/image" /bin/sh -c "cd /app && HOME=/app $entrypoint demo" >"$work/demo.log" 2>&1 \
  || { tail -20 "$work/demo.log"; exit 1; }
test -s "$work/image/app/reports/$(ls "$work/image/app/reports" | head -1)/findings.json"
grep -E "^demo finished" "$work/demo.log"
echo "the image runs as 10001 from /app: $version"
