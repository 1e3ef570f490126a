import sys, re, subprocess, collections
f, t0, t1 = sys.argv[1], sys.argv[2], sys.argv[3]   # HH:MM:SS window (UTC)
skip = re.compile(r'^(java\.|jdk\.|sun\.|org\.bson\.io|kotlin\.)')
out = subprocess.run(['jfr', 'print', '--stack-depth', '60', '--events', 'jdk.ObjectAllocationSample', f], capture_output=True, text=True).stdout
evs = []; cur = None
for line in out.splitlines():
    s = line.strip()
    if s.startswith('jdk.ObjectAllocationSample'):
        cur = {'frames': [], 'w': 0, 'cls': '', 't': '', 'th': ''}; evs.append(cur)
    elif cur is None: continue
    elif s.startswith('startTime'): cur['t'] = s.split('=')[1].strip()[:8]
    elif s.startswith('objectClass'): cur['cls'] = s.split('=')[1].strip().split(' ')[0]
    elif s.startswith('weight'):
        v = s.split('=')[1].strip(); num = float(v.split()[0].replace(',', '')); unit = v.split()[1] if len(v.split()) > 1 else 'bytes'
        cur['w'] = num * {'bytes': 1, 'kB': 1e3, 'MB': 1e6, 'GB': 1e9}.get(unit, 1)
    elif s.startswith('eventThread'): cur['th'] = re.sub(r'\d+', 'N', s.split('"')[1])[:28]
    elif re.match(r'^[\w$.<>/]+\(', s): cur['frames'].append(s.split('(')[0])
win = [e for e in evs if t0 <= e['t'] <= t1]
tot = sum(e['w'] for e in win)
print(f'{len(win)} samples, {tot/1e6:.0f} MB in {t0}-{t1}')
def top(key, n=12):
    c = collections.Counter()
    for e in win: c[key(e)] += e['w']
    for k, w in c.most_common(n): print(f'  {w*100/tot:5.1f}%  {k}')
print('by thread'); top(lambda e: e['th'])
print('by class'); top(lambda e: e['cls'])
anchor = sys.argv[4] if len(sys.argv) > 4 else None
def site(e):
    fr = e['frames']
    ours = [x for x in fr if x.startswith(('org.gongshi', 'de.bwaldvogel', 'org.h2'))]
    return ' < '.join(x.rsplit('.', 2)[-2] + '.' + x.rsplit('.', 1)[-1] for x in ours[:4]) or (fr[0] if fr else '?')
print('by site'); top(site, 25)
