import sys, re, subprocess, collections
f, t0, t1, th = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
out = subprocess.run(['jfr', 'print', '--stack-depth', '80', '--events', 'jdk.ObjectAllocationSample', f], capture_output=True, text=True).stdout
evs = []; cur = None
for line in out.splitlines():
    s = line.strip()
    if s.startswith('jdk.ObjectAllocationSample'):
        cur = {'frames': [], 'w': 0, 't': '', 'th': ''}; evs.append(cur)
    elif cur is None: continue
    elif s.startswith('startTime'): cur['t'] = s.split('=')[1].strip()[:8]
    elif s.startswith('weight'):
        v = s.split('=')[1].strip(); num = float(v.split()[0].replace(',', '')); unit = v.split()[1] if len(v.split()) > 1 else 'bytes'
        cur['w'] = num * {'bytes': 1, 'kB': 1e3, 'MB': 1e6, 'GB': 1e9}.get(unit, 1)
    elif s.startswith('eventThread'): cur['th'] = s.split('"')[1]
    elif re.match(r'^[\w$.<>/]+\(', s): cur['frames'].append(s.split('(')[0] + (':' + re.search(r'line: (\d+)', s).group(1) if 'line:' in s else ''))
win = [e for e in evs if t0 <= e['t'] <= t1 and th in e['th']]
tot = sum(e['w'] for e in win); print(len(win), f'{tot/1e6:.0f} MB')
c = collections.Counter()
for e in win:
    ours = [x for x in e['frames'] if x.startswith('org.gongshi')]
    c[' < '.join(x.rsplit('.', 2)[-2] + '.' + x.rsplit('.', 1)[-1] for x in ours[:3])] += e['w']
for k, w in c.most_common(15): print(f'  {w*100/tot:5.1f}%  {k}')
byt = collections.Counter()
for e in win: byt[e['t']] += e['w']
print(' '.join(f'{k[3:]}:{v/1e6:.0f}' for k, v in sorted(byt.items())))
