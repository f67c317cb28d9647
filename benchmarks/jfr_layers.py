"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 256` by layer (benchmarks/jfr-layers).

Each sample counts for one layer: the layer of the topmost frame that belongs to a named layer (so JDK code counts
for the layer that called it: String and collections work under the encoder counts as encoding); a sample with no
frame of a named layer is JDK/other. A second column counts by the top frame alone (self time), where JDK code is
JDK/other. JFR samples Java threads only: GC and JIT compiler threads are not in the table."""
import re
import sys

# (layer, package prefixes), first match wins; order matters where prefixes nest
LAYERS = [
    ("benchmark harness (load threads)", ["io.github.wcf4j.peers.", "io.github.wcf4j.benchmarks."]),
    ("transport (wcf4j HTTP, Netty)", ["io.github.wcf4j.runtime.transport.", "io.netty."]),
    ("encoding (envelopes, Woodstox)", ["io.github.wcf4j.runtime.encoding.", "io.github.wcf4j.runtime.message.",
                                        "com.ctc.wstx.", "org.codehaus.stax2."]),
    ("RM (reliable sessions)", ["io.github.wcf4j.runtime.reliability."]),
    ("security", ["io.github.wcf4j.runtime.security."]),
    ("service model (wcf4j: client, dispatch, contracts, Metro glue)", [
        "io.github.wcf4j.runtime.service.", "io.github.wcf4j.runtime.client.", "io.github.wcf4j.runtime.contract.",
        "io.github.wcf4j.runtime.metro.", "io.github.wcf4j.samples."]),
    ("Metro (JAX-WS RI, JAXB)", ["com.sun.xml.ws.", "com.sun.xml.bind.", "org.glassfish.jaxb.", "com.sun.istack.",
                                 "jakarta.xml.ws.", "jakarta.xml.bind.", "org.jvnet.", "com.oracle.webservices."]),
    ("wcf4j other (channels, stack, timers, metrics)", ["io.github.wcf4j."]),
]
OTHER = "JDK/other"


def layer(frame):
    for name, prefixes in LAYERS:
        if any(frame.startswith(p) for p in prefixes):
            return name
    return None


def samples(path):
    stack, inside = [], False
    for line in open(path):
        if line.startswith("jdk.ExecutionSample"):
            stack, inside = [], False
        elif "stackTrace = [" in line:
            inside = True
        elif inside:
            s = line.strip()
            if s == "]" or s.startswith("]"):
                inside = False
                yield stack
            elif s and s != "...":
                m = re.match(r"([\w.$<>]+)\(", s)
                if m:
                    stack.append(m.group(1))


def main(path):
    inclusive, self_ = {}, {}
    total = 0
    for stack in samples(path):
        if not stack:
            continue
        total += 1
        named = next((l for l in map(layer, stack) if l), OTHER)
        inclusive[named] = inclusive.get(named, 0) + 1
        top = layer(stack[0]) or OTHER
        self_[top] = self_.get(top, 0) + 1
    print(f"{total} execution samples")
    print()
    print("| layer | share of CPU samples (its JDK calls included) | self (top frame only) |")
    print("|---|---|---|")
    for name in [n for n, _ in LAYERS] + [OTHER]:
        if name in inclusive or name in self_:
            print(f"| {name} | {100 * inclusive.get(name, 0) / total:.1f}% | {100 * self_.get(name, 0) / total:.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1])
