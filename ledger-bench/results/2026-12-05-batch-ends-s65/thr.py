import sys, re, collections
# samples of threads whose name starts with argv[2]: inclusive frames matching argv[3] (regex), % of all samples
rows, cur = [], None
for line in open(sys.argv[1]):
    if line.startswith('jdk.ExecutionSample'):
        cur = {'f': []}; rows.append(cur)
    elif cur is not None:
        m = re.match(r'\s+sampledThread = "([^"]*)"', line)
        if m: cur['th'] = m.group(1)
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['f'].append(m.group(1))
n = len(rows)
sel = [r for r in rows if r.get('th','').startswith(sys.argv[2])]
print('samples', n, sys.argv[2], len(sel))
inc = collections.Counter()
for r in sel:
    for f in set(r['f']):
        if re.match(sys.argv[3], f): inc[f] += 1
for f, c in inc.most_common(int(sys.argv[4]) if len(sys.argv) > 4 else 40): print(f'{100*c/n:5.1f}% {f}')
