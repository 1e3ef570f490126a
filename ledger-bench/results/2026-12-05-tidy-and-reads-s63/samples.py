import sys, re, collections
# jfr print --events jdk.ExecutionSample --stack-depth 200 F | python3 samples.py bytime
#   samples per 10 s, by thread group (checkpoint:tidy = under tidy(), checkpoint:commit = the checkpoint's other work)
# ... | python3 samples.py window HH:MM:SS HH:MM:SS
#   samples between two times: threads, inclusive frames of interest, top frames
rows, cur = [], None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur = {'frames': []}; rows.append(cur)
    elif cur is not None:
        m = re.match(r'\s+startTime = (\S+)', line)
        if m: cur['t'] = m.group(1)[:8]
        m = re.match(r'\s+sampledThread = "([^"]*)"', line)
        if m: cur['th'] = re.sub(r'\d+', 'N', m.group(1))[:18]
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['frames'].append(m.group(1))
if sys.argv[1] == 'bytime':
    b = collections.defaultdict(collections.Counter)
    for r in rows:
        key = r.get('th', '?')
        if any('tidy' in f for f in r['frames']): key = 'checkpoint:tidy'
        elif any('CrashConsistentH2Backend.checkpoint' in f for f in r['frames']): key = 'checkpoint:commit'
        b[r.get('t', '?')[:7]][key] += 1
    for t in sorted(b):
        print(t + 'x', sum(b[t].values()), ', '.join(f'{k}={v}' for k, v in b[t].most_common(6)))
else:
    lo, hi = sys.argv[2], sys.argv[3]
    rows = [r for r in rows if lo <= r.get('t', '') <= hi]
    n = len(rows); print('samples', n)
    print('threads', collections.Counter(r.get('th') for r in rows).most_common(8))
    inc, top = collections.Counter(), collections.Counter()
    for r in rows:
        for f in set(r['frames']): inc[f] += 1
        if r['frames']: top[r['frames'][0]] += 1
    print('--- inclusive')
    for f, c in inc.most_common(300):
        if any(k in f for k in ('gongshi', 'h2.mvstore', 'bwaldvogel', 'bson', 'readPage', 'Checkpoint', 'tidy')): print(f'{100*c/n:5.1f}% {f}')
    print('--- top')
    for f, c in top.most_common(25): print(f'{100*c/n:5.1f}% {f}')
