import sys, re, collections
# python3 under.py FRAME_REGEX < samples.txt : inclusive frames below FRAME (samples whose stack has it)
pat = re.compile(sys.argv[1])
rows, cur = [], None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur = {'f': []}; rows.append(cur)
    elif cur is not None:
        m = re.match(r'\s+([\w$.<>/]+)\(', line)
        if m: cur['f'].append(m.group(1))
n = len(rows)
sel = [r for r in rows if any(pat.search(f) for f in r['f'])]
print('all', n, 'with', len(sel))
inc = collections.Counter(); self_ = collections.Counter()
for r in sel:
    i = next(i for i, f in enumerate(r['f']) if pat.search(f))
    below = r['f'][:i]
    for f in set(below): inc[f] += 1
    if below: self_[below[0]] += 1
print('--- inclusive below (% of all)')
for k, c in inc.most_common(45): print(f'{100*c/n:5.1f}% {k}')
print('--- self (% of all)')
for k, c in self_.most_common(25): print(f'{100*c/n:5.1f}% {k}')
