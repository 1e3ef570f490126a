import sys,re,collections
pat=sys.argv[1];depth=int(sys.argv[2]) if len(sys.argv)>2 else 12
samples=[];cur=None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur=[];samples.append(cur)
    elif cur is not None:
        m=re.match(r'\s+([\w$.<>/]+)\(',line)
        if m: cur.append(m.group(1))
c=collections.Counter()
for s in samples:
    idx=[i for i,f in enumerate(s) if pat in f]
    if idx:
        i=idx[-1]
        c[' < '.join(x.split('.')[-2]+'.'+x.split('.')[-1] for x in s[i:i+depth])]+=1
for k,v in c.most_common(8): print(v,k,'\n')
