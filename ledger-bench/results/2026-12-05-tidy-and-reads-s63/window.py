import sys,re,collections
# samples between two HH:MM:SS times: inclusive frames of interest and top frames
lo,hi=sys.argv[1],sys.argv[2]
cur=None; rows=[]
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur={'frames':[]}; rows.append(cur)
    elif cur is not None:
        m=re.match(r'\s+startTime = (\S+)',line)
        if m: cur['t']=m.group(1)[:8]
        m=re.match(r'\s+sampledThread = "([^"]*)"',line)
        if m: cur['th']=re.sub(r'\d+','N',m.group(1))[:18]
        m=re.match(r'\s+([\w$.<>/]+)\(',line)
        if m: cur['frames'].append(m.group(1))
rows=[r for r in rows if lo<=r.get('t','')<=hi]
n=len(rows); print('samples',n)
th=collections.Counter(r.get('th') for r in rows); print('threads', th.most_common(8))
inc=collections.Counter(); top=collections.Counter()
for r in rows:
    for f in set(r['frames']): inc[f]+=1
    if r['frames']: top[r['frames'][0]]+=1
print('--- inclusive')
for f,c in inc.most_common(300):
    if any(k in f for k in ('gongshi','h2.mvstore','bwaldvogel','bson','readPage','Checkpoint','tidy')): print(f'{100*c/n:5.1f}% {f}')
print('--- top')
for f,c in top.most_common(25): print(f'{100*c/n:5.1f}% {f}')
