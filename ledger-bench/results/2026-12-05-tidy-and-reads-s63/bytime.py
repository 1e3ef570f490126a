import sys,re,collections
# jfr print --events jdk.ExecutionSample output: samples per 10 s bucket, by thread group
cur=None; rows=[]
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        cur={'frames':[]}; rows.append(cur)
    elif cur is not None:
        m=re.match(r'\s+startTime = (\S+)',line)
        if m: cur['t']=m.group(1)
        m=re.match(r'\s+sampledThread = "([^"]*)"',line)
        if m: cur['th']=re.sub(r'\d+','N',m.group(1))[:18]
        m=re.match(r'\s+([\w$.<>/]+)\(',line)
        if m: cur['frames'].append(m.group(1))
b=collections.defaultdict(collections.Counter)
for r in rows:
    t=r.get('t','?')[:7]  # HH:MM:S (10 s bucket)
    key=r.get('th','?')
    if any('tidy' in f for f in r['frames']): key='checkpoint:tidy'
    elif any('CrashConsistentH2Backend.checkpoint' in f for f in r['frames']): key='checkpoint:commit'
    b[t][key]+=1
for t in sorted(b):
    tot=sum(b[t].values())
    print(t+'x', tot, ', '.join(f'{k}={v}' for k,v in b[t].most_common(6)))
