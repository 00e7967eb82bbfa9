#!/usr/bin/env bash
# make slurm-test: a real single-node Slurm cluster on this machine runs the commands of docs/scale-out.md on a real
# sweep, and the merged report must equal a run on one machine (apart from times and host). Also runs the GNU
# parallel commands of the same page. Needs root (it installs slurm-wlm, munge and parallel when missing, and starts
# munged, slurmctld and slurmd by hand, without systemd, under a temporary folder); stops every daemon it started by
# its pid file, also on failure.
# Usage: scripts/slurm-test.sh ATTEST_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
attest=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$attest" ] || { echo "slurm-test: $1 is not an executable" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "slurm-test: needs root (slurmd runs jobs as their user and must start as root)" >&2; exit 2; }

scripts/ensure-system-deps.sh parallel --apt slurm-wlm --apt munge

tmp=$(mktemp -d /tmp/attest-slurm-test.XXXXXX)
chmod 755 "$tmp"
stop_daemons() {
    local status=$?
    for name in slurmd slurmctld munged; do
        local pidfile="$tmp/run/$name.pid"
        [ -f "$pidfile" ] || continue
        local pid
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
            echo "slurm-test: stopped $name (pid $pid)"
        fi
    done
    local left
    left=$(pgrep -f -- "$tmp" || true)
    if [ -n "$left" ]; then
        echo "slurm-test: processes of the test cluster still running: $left" >&2
        status=1
    else
        echo "slurm-test: no daemon of the test cluster is left running"
    fi
    if [ $status -ne 0 ]; then
        echo "slurm-test: FAILED (status $status); logs kept in $tmp/log" >&2
        tail -n 20 "$tmp"/log/*.log >&2 2>/dev/null || true
    else
        rm -rf "$tmp"
    fi
    exit $status
}
trap stop_daemons EXIT
mkdir -p "$tmp/run" "$tmp/log" "$tmp/state" "$tmp/spool" "$tmp/munge"
chmod 700 "$tmp/munge"

# munge: its own key, socket, pid, log and seed files.
dd if=/dev/urandom bs=1 count=1024 of="$tmp/munge/munge.key" status=none
chmod 400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"
munged --key-file="$tmp/munge/munge.key" --socket="$socket" --pid-file="$tmp/run/munged.pid" \
    --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/munge.seed" --force
echo "slurm-test: munged started (pid $(cat "$tmp/run/munged.pid"))"

# Two free TCP ports of our own.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) / 2 ))
conf="$tmp/slurm.conf"
cat > "$conf" <<CONF
ClusterName=attest-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
echo "slurm-test: slurmctld (pid $(cat "$tmp/run/slurmctld.pid")) and slurmd started; ports $ctld_port, $slurmd_port"
for _ in $(seq 1 60); do
    state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
    [ "$state" = "idle" ] && break
    sleep 1
done
sinfo
[ "$state" = "idle" ] || { echo "slurm-test: the node did not come up idle (state: ${state:-none})" >&2; exit 1; }

# The commands of docs/scale-out.md, in a copy of the examples and claims, with attest on PATH.
work="$tmp/work"
mkdir -p "$work/bin"
cp -r "$repo/examples" "$repo/proofs" "$work/"
ln -s "$attest" "$work/bin/attest"
export PATH="$work/bin:$PATH"
cd "$work"
block() {    # the shell block after the marker <!-- scale-out-test: NAME --> of docs/scale-out.md
    awk -v name="$1" '$0 == "<!-- scale-out-test: " name " -->" {found = 1; next}
        found && /^```/ {if (inside) exit; inside = 1; next}
        inside {print}' "$repo/docs/scale-out.md"
}
sweep=examples/sweeps/balancedness-drift-by-step-size.toml
compare() {    # compare MERGED.json SINGLE.json: equal without times and host
    python3 "$repo/scripts/report-without-times.py" "$1" > "$1.stripped"
    python3 "$repo/scripts/report-without-times.py" "$2" > "$2.stripped"
    if cmp -s "$1.stripped" "$2.stripped"; then
        echo "slurm-test: $1 equals the single-machine report byte for byte without times and host ($(wc -c < "$1.stripped") bytes)"
    else
        diff "$1.stripped" "$2.stripped" | head -n 40 >&2
        echo "slurm-test: $1 differs from the single-machine report" >&2
        exit 1
    fi
}

echo "slurm-test: the single-machine run"
attest table "$sweep" --quiet --report "$tmp/single.json" --output "$tmp/single.tex" > /dev/null

echo "slurm-test: docs/scale-out.md, Slurm:"
block slurm | sed 's/^/    /'
submit=$(bash -euo pipefail -c "$(block slurm)")
echo "slurm-test: the printed command: $submit"
submitted=$(bash -euo pipefail -c "$submit")
echo "$submitted"
merge_job=$(echo "$submitted" | awk '/Submitted batch job/ {print $4}' | tail -n 1)
[ -n "$merge_job" ] || { echo "slurm-test: sbatch did not say which merge job it submitted" >&2; exit 1; }
for _ in $(seq 1 1800); do
    merge_state=$(scontrol show job "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || true)
    case "$merge_state" in COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL) break ;; esac
    sleep 1
done
squeue --all --states=all -h -o '%i %j %T' 2>/dev/null || true
scontrol show job "$merge_job" | grep -E 'JobState|ExitCode|Dependency' | sed 's/^ */    /'
folder=runs/drift
for log in "$folder"/logs/*.out; do echo "--- $log"; cat "$log"; done
[ "$merge_state" = "COMPLETED" ] || { echo "slurm-test: the merge job ended $merge_state" >&2; exit 1; }
ls "$folder"
compare "$folder/merged.json" "$tmp/single.json"
cmp "$folder/table.tex" "$tmp/single.tex"
echo "slurm-test: $folder/table.tex equals the single-machine table ($(wc -l < "$folder/table.tex") lines)"
python3 - "$folder" <<'PY'
import json, sys
folder = sys.argv[1]
shards = [json.load(open(f"{folder}/shard-{k}-of-4.json"))["shard"] for k in range(1, 5)]
assert [s["index"] for s in shards] == [1, 2, 3, 4] and all(s["count"] == 4 for s in shards), shards
units = [s["units"] for s in shards]
assert sum(units) == shards[0]["total_units"] and max(units) - min(units) <= 1, units
merged = json.load(open(f"{folder}/merged.json"))
assert merged["complete"] and "shard" not in merged
print(f"slurm-test: 4 shards of {units} units, merged report complete with {merged['summary']['instances']} instances")
PY

echo "slurm-test: docs/scale-out.md, GNU parallel:"
block parallel | sed 's/^/    /'
bash -euo pipefail -c "$(block parallel)"
compare runs/drift-parallel/merged.json "$tmp/single.json"
cmp runs/drift-parallel/table.tex "$tmp/single.tex"
echo "slurm-test: runs/drift-parallel/table.tex equals the single-machine table"
echo "slurm-test: passed"
