import sys, re, subprocess, collections
# usage: switchprof.py FILE.jfr HH:MM:SS.sss HH:MM:SS.sss  — execution samples of every thread between the two times (UTC)
f, t0, t1 = sys.argv[1], sys.argv[2], sys.argv[3]
out = subprocess.run(['jfr', 'print', '--stack-depth', '200', '--events', 'jdk.ExecutionSample', f], capture_output=True, text=True).stdout
samples = []
cur = None
for line in out.splitlines():
    line = line.strip()
    if line.startswith('jdk.ExecutionSample'):
        cur = {'frames': []}; samples.append(cur)
    elif line.startswith('startTime'):
        cur['t'] = re.search(r'(\d\d:\d\d:\d\d\.\d+)', line).group(1)
    elif line.startswith('sampledThread'):
        cur['thread'] = re.search(r'"(.*)"', line).group(1)
    elif cur is not None and re.match(r'^[\w$.]+\(', line):
        cur['frames'].append(line.split('(')[0])
win = [s for s in samples if t0 <= s.get('t', '') <= t1]
print(f'{len(win)} samples between {t0} and {t1} (of {len(samples)})')
threads = collections.Counter(re.sub(r'\d+', 'N', s['thread']) for s in win)
print('threads:', ', '.join(f'{k} {v*100/len(win):.1f}%' for k, v in threads.most_common(6)))
cats = {'H2 (org.h2)': 'org.h2.', 'mongo-java-server (de.bwaldvogel)': 'de.bwaldvogel.', 'BSON/driver (org.bson, com.mongodb)': ('org.bson.', 'com.mongodb.'),
        'Netty': 'io.netty.', 'ledger (org.gongshi)': 'org.gongshi.'}
for name, pre in cats.items():
    n = sum(1 for s in win if any(fr.startswith(pre) for fr in s['frames']))
    print(f'  {name}: {n*100/len(win):.1f}% of samples (inclusive)')
top = collections.Counter()
for s in win:
    for fr in set(s['frames']):
        if fr.startswith(('de.bwaldvogel', 'org.gongshi', 'org.h2.mvstore.MVStore', 'org.h2.mvstore.MVMap')):
            top[fr] += 1
print('top frames of mongo-java-server, H2 MVStore/MVMap and the ledger (inclusive):')
for fr, n in top.most_common(14):
    print(f'  {n*100/len(win):5.1f}%  {fr}')
client = [s for s in win if s['thread'] == 'rebuild-case-views']
print(f'the rebuild thread ({len(client)} samples), its deepest frames of note (inclusive):')
c = collections.Counter()
for s in client:
    for fr in set(s['frames']):
        if fr.startswith(('org.gongshi', 'com.mongodb.client', 'org.bson.Document', 'org.bson.codecs', 'com.mongodb.internal.connection')):
            c[fr] += 1
for fr, n in c.most_common(12):
    print(f'  {n*100/len(client):5.1f}%  {fr}')
