import sys,re,collections
tpat=sys.argv[1]; keys=sys.argv[2:]
samples=[];cur=None;th=None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur={'t':'','f':[]};samples.append(cur)
    elif cur is not None:
        m=re.match(r'\s+sampledThread = "([^"]*)"',line)
        if m: cur['t']=m.group(1); continue
        m=re.match(r'\s+([\w$.<>/]+)\(',line)
        if m: cur['f'].append(m.group(1))
n=len(samples); sel=[s['f'] for s in samples if tpat in s['t']]
print('all',n,'thread',tpat,len(sel))
inc=collections.Counter()
for s in sel:
    for f in set(s): inc[f]+=1
for f,c in inc.most_common(300):
    if not keys or any(k in f for k in keys): print(f'{100*c/len(sel):5.1f}% {f}')
