import sys,re,collections
# usage: jfr print --events jdk.ExecutionSample --stack-depth 200 F | python3 stacks.py pattern...
samples=[];cur=None
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur=[];samples.append(cur)
    elif cur is not None:
        m=re.match(r'\s+([\w$.<>/]+)\(',line)
        if m: cur.append(m.group(1))
n=len(samples);print('samples',n)
pats=sys.argv[1:]
for p in pats:
    c=sum(1 for s in samples if any(p in f for f in s))
    print(f'{100*c/n:5.1f}% {p}')
# top inclusive frames of gongshi/axon
inc=collections.Counter()
for s in samples:
    for f in set(s): inc[f]+=1
print('--- top inclusive')
for f,c in inc.most_common(400):
    if any(k in f for k in ('gongshi','axonframework','nimbus','security','h2.mvstore.MVStore','bson','mongo')):
        print(f'{100*c/n:5.1f}% {f}')
