import sys, re, collections
# jfr print --events jdk.ExecutionSample --stack-depth 200 F.jfr > F.samples.txt
# python3 frames.py F.samples.txt HH:MM:SS HH:MM:SS thread|frame NAME REGEX [N]
#   the samples of a window whose thread name starts with NAME (thread), or that hold frame NAME (frame):
#   their frames matching REGEX, inclusive, as % of all the window's samples
rows, cur = [], None
for line in open(sys.argv[1]):
    if line.startswith('jdk.ExecutionSample'):
        cur = {'f': []}; rows.append(cur)
    elif cur is not None:
        m = re.match(r'\s+startTime = (\S+)', line)
        if m: cur['t'] = m.group(1)[:8]
        m = re.match(r'\s+sampledThread = "([^"]*)"', line)
        if m: cur['th'] = m.group(1)
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['f'].append(m.group(1))
rows = [r for r in rows if sys.argv[2] <= r.get('t', '') <= sys.argv[3]]
n = len(rows)
by, name, pattern = sys.argv[4], sys.argv[5], sys.argv[6]
sel = [r for r in rows if (r.get('th', '').startswith(name) if by == 'thread' else any(name in f for f in r['f']))]
print('samples', n, 'selected', len(sel), f'{100 * len(sel) / max(n, 1):.1f}%')
inc = collections.Counter()
for r in sel:
    for f in set(r['f']):
        if re.match(pattern, f): inc[f] += 1
for f, c in inc.most_common(int(sys.argv[7]) if len(sys.argv) > 7 else 40): print(f'{100 * c / n:5.1f}% {f}')
