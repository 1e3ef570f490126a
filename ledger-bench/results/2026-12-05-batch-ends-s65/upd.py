import sys, re, collections
# samples of the embedded MongoDB's workers under one command: inclusive frames (% of all samples in the window)
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
sel = [r for r in rows if any(sys.argv[4] in f for f in r['f'])]
print('samples', n, 'with', sys.argv[4], len(sel), f'{100*len(sel)/n:.1f}%')
inc = collections.Counter()
for r in sel:
    for f in set(r['f']):
        if re.match(r'(de\.bwaldvogel|org\.h2|org\.gongshi|org\.bson|java\.io\.Object)', f): inc[f] += 1
for f, c in inc.most_common(int(sys.argv[5]) if len(sys.argv) > 5 else 45): print(f'{100*c/n:5.1f}% {f}')
