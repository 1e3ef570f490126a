import sys, re, collections
# jfr print --events jdk.SocketRead --stack-depth 64 F.jfr > F.sockets.txt; python3 sockwait.py F.sockets.txt HH:MM:SS HH:MM:SS
#   the long socket reads (JFR's threshold) of each processor thread in a window: seconds waited, by our three innermost frames
evs = []; cur = None
for line in open(sys.argv[1]):
    if line.startswith('jdk.SocketRead'):
        cur = {'f': []}; evs.append(cur)
    elif cur is not None:
        m = re.match(r'\s+startTime = (\S+)', line)
        if m: cur['t'] = m.group(1)[:8]
        m = re.match(r'\s+duration = ([\d.]+) (\w+)', line)
        if m: cur['d'] = float(m.group(1)) * {'s': 1000, 'ms': 1, 'us': 0.001}.get(m.group(2), 0.001)
        m = re.match(r'\s+eventThread = "([^"]*)"', line)
        if m: cur['th'] = m.group(1)
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['f'].append(m.group(1))
evs = [e for e in evs if sys.argv[2] <= e.get('t', '') <= sys.argv[3]]
total = collections.defaultdict(float); count = collections.Counter()
for e in evs:
    k = re.sub(r'\d+', 'N', e.get('th', '?'))[:40]; total[k] += e.get('d', 0); count[k] += 1
for k, v in sorted(total.items(), key=lambda x: -x[1])[:10]: print(f'{v/1000:7.1f} s {count[k]:6d} reads  {k}')
for thread in sorted(total, key=lambda k: -total[k])[:6]:
    if not thread.startswith('EventProcessor'): continue
    by = collections.defaultdict(float); n = collections.Counter()
    for e in evs:
        if re.sub(r'\d+', 'N', e.get('th', '?'))[:40] != thread: continue
        ours = [f.split('.')[-2] + '.' + f.split('.')[-1] for f in e['f'] if f.startswith('org.gongshi')]
        key = ' < '.join(ours[:3]); by[key] += e.get('d', 0); n[key] += 1
    print('==', thread)
    for k, v in sorted(by.items(), key=lambda x: -x[1])[:4]: print(f'{v/1000:7.1f} s {n[k]:5d} {k}')
