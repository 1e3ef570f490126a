#!/usr/bin/env python3
"""Aggregate jdk.ExecutionSample from a JFR file: per-thread counts, top frames (self), inclusive frames.
usage: jfragg.py F.jfr [thread-regex] [N] [--filter substring] [--incl substring-prefix]"""
import sys, re, subprocess, collections
args = sys.argv[1:]
f = args[0]; tre = re.compile(args[1]) if len(args) > 1 and not args[1].startswith('--') else re.compile('.')
n = int(args[2]) if len(args) > 2 and not args[2].startswith('--') else 30
flt = None; incl = None
if '--filter' in args: flt = args[args.index('--filter') + 1]
if '--incl' in args: incl = args[args.index('--incl') + 1]
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', f], capture_output=True, text=True).stdout
threads = collections.Counter(); selfc = collections.Counter(); inclc = collections.Counter(); total = 0
for ev in out.split('jdk.ExecutionSample')[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    th = m.group(1) if m else '?'
    th = re.sub(r'\d+', '#', th)
    frames = re.findall(r'^\s+([\w$.<>]+)\(', ev, re.M)
    threads[th] += 1
    if not tre.search(th): continue
    if flt and not any(flt in fr for fr in frames): continue
    total += 1
    if frames: selfc[frames[0]] += 1
    seen = set()
    for fr in frames:
        key = fr
        if incl and not fr.startswith(incl): continue
        if key in seen: continue
        seen.add(key); inclc[key] += 1
all_ = sum(threads.values())
print(f'samples: {all_}')
for th, c in threads.most_common(25): print(f'{c:7d} {100*c/all_:5.1f}% {th}')
print(f'\nselected: {total}\n-- self --')
for fr, c in selfc.most_common(n): print(f'{c:7d} {100*c/max(total,1):5.1f}% {fr}')
print('-- inclusive --')
for fr, c in inclc.most_common(n): print(f'{c:7d} {100*c/max(total,1):5.1f}% {fr}')
