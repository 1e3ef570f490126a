import sys, re, collections
# jfr print --events jdk.ExecutionSample --stack-depth 200 F | python3 groups.py HH:MM:SS HH:MM:SS
#   samples between two times: by thread group, the embedded MongoDB's workers by command, the processors' frames of ours
rows, cur = [], None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur = {'f': []}; rows.append(cur)
    elif cur is not None:
        m = re.match(r'\s+startTime = (\S+)', line)
        if m: cur['t'] = m.group(1)[:8]
        m = re.match(r'\s+sampledThread = "([^"]*)"', line)
        if m: cur['th'] = m.group(1)
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['f'].append(m.group(1))
rows = [r for r in rows if sys.argv[1] <= r.get('t', '') <= sys.argv[2]]
n = len(rows); print('samples', n)
groups = collections.Counter(re.sub(r'\d+', 'N', r.get('th', '?'))[:40] for r in rows)
for g, c in groups.most_common(14): print(f'{100*c/n:5.1f}% {g}')
workers = [r for r in rows if r.get('th', '').startswith('mongo-server-worker')]
commands = collections.Counter()
for r in workers:
    kind = 'wire, authentication, replies (no command frame)'
    for f in r['f']:
        m = re.search(r'AbstractMongoDatabase\.(command\w+)', f)
        if m: kind = m.group(1)
    commands[kind] += 1
print('--- the embedded MongoDB\'s workers by command (% of all samples)')
for k, c in commands.most_common(10): print(f'{100*c/n:5.1f}% {k}')
processors = [r for r in rows if r.get('th', '').startswith('EventProcessor')]
inclusive = collections.Counter()
for r in processors:
    for f in set(r['f']):
        if 'gongshi' in f or 'fetchTrackedEvents' in f: inclusive[f] += 1
print('--- the processors, inclusive (% of all samples)')
for k, c in inclusive.most_common(30): print(f'{100*c/n:5.1f}% {k}')
