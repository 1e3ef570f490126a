#!/usr/bin/env python3
"""jfragg.py FILE.jfr [thread-regex] [top] [--filter frame-substring]
Aggregates jdk.ExecutionSample: samples per thread group; for threads matching regex, top self and inclusive frames."""
import re, subprocess, sys, collections
f = sys.argv[1]; rx = re.compile(sys.argv[2] if len(sys.argv) > 2 else '.'); top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
flt = None
if '--filter' in sys.argv: flt = sys.argv[sys.argv.index('--filter') + 1]
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', f], capture_output=True, text=True).stdout
samples = []
cur = None
for line in out.splitlines():
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        cur = {'thread': '', 'frames': []}; samples.append(cur); inst = False
    elif s.startswith('sampledThread'):
        m = re.search(r'"(.*)"', s); cur['thread'] = m.group(1) if m else s
    elif s.startswith('stackTrace'):
        inst = True
    elif s == ']' or s == '}':
        inst = False
    elif cur is not None and inst and s and s != '...':
        cur['frames'].append(re.sub(r'\s+line:.*', '', s))
groups = collections.Counter(re.sub(r'\d+', 'N', x['thread']) for x in samples)
total = len(samples)
print('total samples', total)
for g, n in groups.most_common(25): print(f'{n:6d} {100*n/total:5.1f}% {g}')
sel = [x for x in samples if rx.search(x['thread'])]
if flt: sel = [x for x in sel if any(flt in fr for fr in x['frames'])]
n = len(sel); print(f'\nselected {n} samples ({100*n/max(total,1):.1f}%)')
selfc = collections.Counter(x['frames'][0] for x in sel if x['frames'])
inc = collections.Counter()
for x in sel:
    for fr in set(x['frames']): inc[fr] += 1
print('\n-- self'); [print(f'{c:6d} {100*c/max(n,1):5.1f}% {fr[:200]}') for fr, c in selfc.most_common(top)]
print('\n-- inclusive'); [print(f'{c:6d} {100*c/max(n,1):5.1f}% {fr[:200]}') for fr, c in inc.most_common(top)]
