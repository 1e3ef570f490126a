import re, sys, collections
# jfr print --events jdk.ExecutionSample --stack-depth 200 F.jfr > F.samples.txt; python3 paused-jfr.py F.samples.txt
#   samples by thread group; the command threads' (boundedElastic) top self frames and inclusive frames of the ledger
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
g = collections.Counter(re.sub(r'[-#\d]+$', '', r.get('th', '?'))[:20] for r in rows)
print('samples', n, 'by thread group:', [(k, round(100 * c / n, 1)) for k, c in g.most_common(10)])
cmd = [r for r in rows if r.get('th', '').startswith('boundedElastic')]
print('command threads:', len(cmd), 'samples')
print('--- top self frames (% of the command threads\' samples)')
for k, c in collections.Counter(r['f'][0] for r in cmd if r['f']).most_common(10): print(f'{100 * c / len(cmd):5.1f}% {k}')
inc = collections.Counter()
for r in cmd:
    for f in set(r['f']):
        if f.startswith('org.gongshi') or f.startswith('org.axonframework.messaging.unitofwork') or 'appendEvents' in f \
                or f.endswith('serializePayload') or 'TransactionManager' in f: inc[f] += 1
print('--- inclusive (% of the command threads\' samples)')
for k, c in inc.most_common(30): print(f'{100 * c / len(cmd):5.1f}% {k}')
