#!/usr/bin/env python3
"""Turns fanout-compare.sh output into the markdown table of RESULTS.md: per build and point, the warmed (second)
fixed-rate run of each invocation and the one full-rate run, with the load average printed before it.
Usage: fanout-table.py <fanout-compare output>"""
import re,sys
rows=[]
label=None;load=None;point=None
for line in open(sys.argv[1]):
    m=re.match(r'### (\S+) (.*?)\| nproc (\d+) \|.*load average: ([\d.]+)',line)
    if m:
        label=m.group(1); load=m.group(4); args=m.group(2)
        c=re.search(r'clients=(\d+)',args).group(1); r=re.search(r'rates=(\d+)',args).group(1)
        point=(c,r); continue
    f=line.split()
    if len(f)>=14 and f[0].isdigit() and label:
        mode=f[1]
        # keep the last row per mode (second fixed-rate run; the only full run)
        key=(label,f[0],mode)
        rows.append((key,load,f))
# last of each (label,clients,mode) per occurrence order: group consecutive
out={}
for key,load,f in rows:
    out.setdefault(key,[]).append((load,f))
print("| clients | mode | build | load | deliveries/s | p50 ms | p99 ms | dropped | srv ns/dlv | pub ns/dlv | jvm ns/dlv | cli ns/dlv |")
print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
order=sorted(out.keys(), key=lambda k:(int(k[1]), k[2]!='full', k[2], ['before','after','after-f0'].index(k[0]) if k[0] in ['before','after','after-f0'] else 9))
for k in order:
    lst=out[k]
    # fixed rates: runs come in pairs per invocation; take every second (the warmed one)
    if k[2]!='full': lst=lst[1::2]
    for load,f in lst:
        drop=f[8]
        print(f"| {k[1]} | {k[2]} | {k[0]} | {load} | {int(f[4]):,} | {float(f[5])/1000:.1f} | {float(f[6])/1000:.1f} | {drop} | **{f[10]}** | {f[-3]} | {f[-2]} | {f[-1]} |")
